import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Hdf5Upload } from '../http/hdf5-upload.js';
import { UploadedHdf5 } from './uploaded-hdf5.decorator.js';
import { ValidationReportResponse } from './validation-report.dto.js';
import { ValidateQuery } from './validate.query.js';
import { ValidateService } from './validate.service.js';

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
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than UPLOAD_LIMIT_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/x-hdf5.' })
  @ApiUnprocessableEntityResponse({
    description:
      'The file is not HDF5, or it could not be validated within the time or memory limit, or it made the validator crash.',
  })
  @ApiTooManyRequestsResponse({ description: 'Every validator is busy; see Retry-After.' })
  @ApiServiceUnavailableResponse({ description: 'The gateway is shutting down; see Retry-After.' })
  async validateFile(
    @UploadedHdf5() upload: Hdf5Upload,
    @Query() query: ValidateQuery,
  ): Promise<ValidationReportResponse> {
    return this.validation.validate(upload, query.definition);
  }
}
