import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { UploadedFile } from '../http/hdf5-upload-parser.js';
import { HDF5_UPLOAD_TYPES } from '../http/hdf5-upload-parser.js';
import { DomainError } from '../problem/domain-error.js';
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
      'Each NXentry is checked against its own `definition`, or against `definition` when given.',
  })
  @ApiConsumes(...HDF5_UPLOAD_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ValidationReportResponse })
  async validateFile(
    @Body() upload: UploadedFile | undefined,
    @Query() query: ValidateQuery,
  ): Promise<ValidationReportResponse> {
    if (upload?.file === undefined) {
      throw new DomainError('unreadable_file', 'Send the file as an application/x-hdf5 body.');
    }
    return this.validation.validate(upload, query.definition);
  }
}
