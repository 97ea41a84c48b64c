import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblem } from '../openapi/api-problem.js';
import { ApiKeyProblems, ApiQueryProblems, caseOf } from '../openapi/common-problems.js';
import { uploadTooLarge } from '../http/upload-spool.js';
import { unsupportedMedia } from '../problem/transport-errors.js';
import type { Hdf5Upload } from '../http/hdf5-upload.js';
import { UploadedHdf5 } from './uploaded-hdf5.decorator.js';
import { ValidationReportResponse } from './validation-report.dto.js';
import { ValidateQuery } from './validate.query.js';
import { ValidateService } from './validate.service.js';

const VALIDATE = '/v1/validate';
/** UPLOAD_LIMIT_BYTES' default, as the example quotes it. */
const DEFAULT_UPLOAD_LIMIT_BYTES = 4 * 1024 ** 3;

@ApiTags('validation')
@ApiBearerAuth()
@Controller('v1/validate')
export class ValidateController {
  constructor(private readonly validation: ValidateService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Validate a NeXus file',
    description:
      'Send the file as the body (`curl --data-binary @scan.nxs -H "content-type: application/x-hdf5"`). ' +
      'Each NXentry is checked against its own `definition`, or against `definition` when given. ' +
      'The file is read in a separate process with a time and memory limit; its external links are never followed.',
  })
  @ApiConsumes('application/x-hdf5')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ValidationReportResponse })
  @ApiKeyProblems()
  @ApiQueryProblems(VALIDATE)
  @ApiProblem(
    413,
    'The file is larger than UPLOAD_LIMIT_BYTES.',
    caseOf(uploadTooLarge(DEFAULT_UPLOAD_LIMIT_BYTES), VALIDATE),
  )
  @ApiProblem(
    415,
    'The body is not application/x-hdf5 (or application/octet-stream).',
    caseOf(unsupportedMedia('application/json', true), VALIDATE),
  )
  @ApiProblem(
    422,
    'The file is not HDF5, or it could not be validated within the time or memory limit, or it made the validator crash.',
    {
      code: 'unreadable_file',
      detail:
        'The upload is not an HDF5 file (it does not start with the HDF5 signature). ' +
        'Send the .nxs/.h5 file itself as the body: curl --data-binary @scan.nxs.',
      instance: VALIDATE,
    },
    {
      code: 'file_not_validated',
      detail:
        'The file could not be validated: validation took longer than 30000 ms. ' +
        'Validate a smaller file, or raise VALIDATE_TIMEOUT_MS on the gateway.',
      instance: VALIDATE,
    },
  )
  @ApiProblem(429, 'Every validator is busy; retry after Retry-After.', {
    code: 'validator_busy',
    detail: 'Every validator is busy; retry after a moment.',
    instance: VALIDATE,
  })
  @ApiProblem(503, 'The gateway is shutting down; retry after Retry-After.', {
    code: 'validator_unavailable',
    detail: 'The gateway is shutting down; retry later.',
    instance: VALIDATE,
  })
  async validateFile(
    @UploadedHdf5() upload: Hdf5Upload,
    @Query() query: ValidateQuery,
  ): Promise<ValidationReportResponse> {
    return this.validation.validate(upload, query.definition);
  }
}
