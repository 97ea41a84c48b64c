/**
 * Detector-sized arrays travel as bytes, not JSON: `POST
 * /v1/scans/{scanId}/arrays` takes a `.npy` or raw bytes with their layout
 * in headers, streams them to disk next to the data, and answers with the
 * array's id.
 */
import { Controller, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BeamlineAccess } from '../auth/access.decorator.js';
import { ApiProblem } from '../openapi/api-problem.js';
import { ApiScanNotFound, ApiScopeProblems, ApiStoreProblems } from '../openapi/common-problems.js';
import { ApiScanIdParam } from '../scans/scan-id-param.js';
import { ScanIdPipe } from '../scans/scan-id.pipe.js';
import { arrayTooLarge, NPY_TYPE, type ArrayUploadBody } from './array-upload-body.js';
import { ArraysService } from './arrays.service.js';
import { ArrayUploadQuery } from './dto/array-upload.query.js';
import { ArrayUploaded } from './dto/array-uploaded.dto.js';
import { UploadedArray } from './uploaded-array.decorator.js';

const ARRAYS = '/v1/scans/mogno-0001/arrays';
/** ARRAY_LIMIT_BYTES' default, as the example quotes it. */
const DEFAULT_ARRAY_LIMIT_BYTES = 8 * 1024 ** 3;

@ApiTags('scans')
@ApiBearerAuth()
@ApiStoreProblems()
@Controller('v1/scans')
export class ArraysController {
  constructor(private readonly arrays: ArraysService) {}

  @BeamlineAccess('write', 'scan')
  @Post(':scanId/arrays')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload an array (a .npy, or raw bytes with their dtype and shape)',
    description:
      'In Python: `b = io.BytesIO(); np.save(b, frame); requests.post(url, data=b.getvalue(), ' +
      'headers={"Content-Type": "application/x-npy"})`. The body streams to disk (ARRAY_SPOOL_DIR), ' +
      'fsynced before the answer; never to Redis. Little-endian numbers and booleans in C order. ' +
      'An optional Content-Digest (RFC 9530, sha-256 or sha-512 of the body as sent) is checked.',
  })
  @ApiScanIdParam()
  @ApiConsumes(NPY_TYPE, 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({
    name: 'X-Array-Dtype',
    required: false,
    description: 'With application/octet-stream: uint16, float32, … (or <u2, <f4).',
  })
  @ApiHeader({
    name: 'X-Array-Shape',
    required: false,
    description: 'With application/octet-stream: 2048,2048.',
  })
  @ApiHeader({
    name: 'Content-Digest',
    required: false,
    description: 'sha-256=:<base64>: of the body as sent.',
  })
  @ApiCreatedResponse({ type: ArrayUploaded })
  @ApiScanNotFound()
  @ApiProblem(
    409,
    'The scan is closed (arrays are taken while it is open), or the frame index was sent before with other bytes.',
    {
      code: 'scan_closed',
      detail: 'Scan mogno-0001 is written; arrays are taken while it is open.',
      instance: ARRAYS,
    },
    {
      code: 'frame_conflict',
      detail:
        'Stream pco_frames has a frame 17 already, with other bytes (sha256 9f86d08…). Nothing was kept: send each index once, or name another stream.',
      instance: ARRAYS,
    },
  )
  @ApiProblem(400, 'A JSON body that is not even JSON: an array goes as application/x-npy.', {
    code: 'invalid_json',
    detail: 'The body is not valid JSON: expected a JSON value, found the end (at offset 5, in /a)',
    instance: ARRAYS,
  })
  @ApiProblem(413, 'The array is larger than ARRAY_LIMIT_BYTES.', {
    code: 'array_too_large',
    detail: arrayTooLarge(DEFAULT_ARRAY_LIMIT_BYTES).detail,
    instance: ARRAYS,
  })
  @ApiProblem(415, 'The body is neither application/x-npy nor application/octet-stream.', {
    code: 'unsupported_media_type',
    detail:
      'Send the array as application/x-npy (np.save to a buffer) or as application/octet-stream with X-Array-Dtype and X-Array-Shape (this request has Content-Type application/json).',
    instance: ARRAYS,
  })
  @ApiProblem(
    422,
    'The array cannot be stored as sent (its header, dtype, order or byte count), or its Content-Digest differs. Nothing was kept.',
    {
      code: 'invalid_array',
      detail: 'the .npy is in Fortran order: send C order (np.ascontiguousarray(a))',
      instance: ARRAYS,
    },
    {
      code: 'digest_mismatch',
      detail:
        "The body's sha-256 is :n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=:, not the Content-Digest's :AAAA:. Nothing was kept: send it again.",
      instance: ARRAYS,
    },
  )
  @ApiScopeProblems('The key may not write scans of this beamline.')
  async uploadArray(
    @Param('scanId', ScanIdPipe) scanId: string,
    @UploadedArray() body: ArrayUploadBody,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Query() query: ArrayUploadQuery,
  ): Promise<ArrayUploaded> {
    return this.arrays.upload(scanId, body, headers, query);
  }
}
