import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { CreateScanRequest, DeviceEventRequest, Entry } from '#libs/model/src/index.js';
import { AdminOnly, BeamlineAccess } from '../auth/access.decorator.js';
import { ScanIdPipe } from './scan-id.pipe.js';
import { CanonicalJsonBody } from './canonical-json-body.decorator.js';
import { ScanAdminService } from './scan-admin.service.js';
import { ScanEventsService } from './scan-events.service.js';
import { ScansService } from './scans.service.js';
import { CloseAccepted } from './dto/close-accepted.dto.js';
import { EventAccepted } from './dto/event-accepted.dto.js';
import { ListScansQuery } from './dto/list-scans.query.js';
import { ScanStatusQuery } from './dto/scan-status.query.js';
import { ScanCatalogPage, ScanStatusResponse } from './dto/scan-status.dto.js';
import { SWAGGER_EXAMPLES } from '../openapi/swagger-examples.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key twice: stored once. Same key with other content: 422.',
};

const STAGING_FULL = {
  description:
    'Staging is at its global limit (STAGING_LIMIT_BYTES) or at the limit of the scan’s beamline ' +
    '(STAGING_LIMIT_PER_BEAMLINE_BYTES); the problem type says which. Retry after Retry-After.',
};

const BAD_JSON = {
  description:
    'Not JSON, or JSON that cannot be kept faithfully: a key twice in one object, a lone ' +
    'UTF-16 surrogate, or arrays and objects nested deeper than 512.',
};

@ApiTags('scans')
@ApiBearerAuth()
@Controller('v1/scans')
export class ScansController {
  constructor(
    private readonly scans: ScansService,
    private readonly events: ScanEventsService,
    private readonly admin: ScanAdminService,
  ) {}

  @BeamlineAccess('write', 'body')
  @Post()
  @ApiOperation({ summary: 'Open a scan' })
  @ApiBody({ type: CreateScanRequest, examples: SWAGGER_EXAMPLES.createScan })
  @ApiCreatedResponse({ type: ScanStatusResponse, description: 'Opened; Location names it.' })
  @ApiOkResponse({
    type: ScanStatusResponse,
    description: 'That scanId is open already, with the same metadata: a retried open is harmless.',
  })
  @ApiConflictResponse({
    description:
      'The scanId exists with other metadata (the detail says which), or is no longer open.',
  })
  async openScan(
    @Body() request: CreateScanRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScanStatusResponse> {
    const { created, scan } = await this.scans.open(request);
    void reply.status(created ? 201 : 200).header('location', `/v1/scans/${scan.scanId}`);
    return scan;
  }

  @BeamlineAccess('read', 'query')
  @Get()
  @ApiOperation({ summary: 'List scans, newest first' })
  @ApiOkResponse({ type: ScanCatalogPage })
  async listScans(@Query() query: ListScansQuery): Promise<ScanCatalogPage> {
    return this.scans.list(query);
  }

  @BeamlineAccess('read', 'scan')
  @Get(':scanId')
  @ApiOperation({
    summary: 'Status, counts and file of a scan',
    description:
      'With `?wait=30`, waits up to 30 s for the file to be written (or the write to fail).',
  })
  @ApiOkResponse({ type: ScanStatusResponse })
  @ApiNotFoundResponse({ description: 'No such scan.' })
  async getScan(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Query() query: ScanStatusQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScanStatusResponse> {
    const waitS = Number(query.wait ?? 0);
    if (waitS === 0) return this.scans.get(scanId);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    return this.scans.waitForEnd(scanId, waitS * 1000, gone.signal);
  }

  @BeamlineAccess('write', 'scan')
  @Post(':scanId/entries')
  @HttpCode(202)
  @ApiOperation({ summary: 'Stage an Assonant Entry (a whole stage×moment snapshot)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: Entry, examples: SWAGGER_EXAMPLES.entry })
  @ApiAcceptedResponse({
    type: EventAccepted,
    description: 'Stored durably; it will be in the file.',
  })
  @ApiNotFoundResponse({ description: 'No such scan.' })
  @ApiConflictResponse({ description: 'The scan is closed.' })
  @ApiBadRequestResponse(BAD_JSON)
  @ApiUnprocessableEntityResponse({
    description: 'The body breaks the data model, or its eventId was accepted with other content.',
  })
  @ApiTooManyRequestsResponse(STAGING_FULL)
  async stageEntry(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Body() entry: Entry,
    @CanonicalJsonBody() canonicalJson: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    return this.events.stageEntry(scanId, entry, canonicalJson, idempotencyKey);
  }

  @BeamlineAccess('write', 'scan')
  @Post(':scanId/devices')
  @HttpCode(202)
  @ApiOperation({ summary: 'Stage one device (Component) reading for a stage and moment' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: DeviceEventRequest, examples: SWAGGER_EXAMPLES.device })
  @ApiAcceptedResponse({
    type: EventAccepted,
    description: 'Stored durably; it will be in the file.',
  })
  @ApiNotFoundResponse({ description: 'No such scan.' })
  @ApiConflictResponse({ description: 'The scan is closed.' })
  @ApiBadRequestResponse(BAD_JSON)
  @ApiUnprocessableEntityResponse({
    description: 'The body breaks the data model, or its eventId was accepted with other content.',
  })
  @ApiTooManyRequestsResponse(STAGING_FULL)
  async stageDevice(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Body() event: DeviceEventRequest,
    @CanonicalJsonBody() canonicalJson: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    return this.events.stageDevice(scanId, event, canonicalJson, idempotencyKey);
  }

  @BeamlineAccess('write', 'scan')
  @Post(':scanId/close')
  @HttpCode(202)
  @ApiOperation({ summary: 'Close the scan: no more events; write its NeXus file' })
  @ApiAcceptedResponse({ type: CloseAccepted })
  @ApiNotFoundResponse({ description: 'No such scan.' })
  async closeScan(@Param('scanId', ScanIdPipe) scanId: string): Promise<CloseAccepted> {
    return this.scans.close(scanId);
  }

  @BeamlineAccess('read', 'scan')
  @Get(':scanId/file')
  @ApiOperation({ summary: 'Download the written NeXus file' })
  @ApiProduces('application/x-hdf5')
  @ApiOkResponse({ description: 'The .nxs file.', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ description: 'Not written yet.' })
  async getScanFile(@Param('scanId', ScanIdPipe) scanId: string): Promise<StreamableFile> {
    const file = await this.scans.writtenFile(scanId);
    return new StreamableFile(createReadStream(file.path), {
      type: 'application/x-hdf5',
      length: file.size,
      disposition: `attachment; filename="${file.name}"`,
    });
  }

  @AdminOnly()
  @Post(':scanId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue the write of a failed scan again (admin)' })
  @ApiAcceptedResponse({ type: CloseAccepted })
  @ApiNotFoundResponse({ description: 'No such scan.' })
  @ApiForbiddenResponse({ description: 'The key lacks the admin scope.' })
  @ApiConflictResponse({ description: 'The scan is not failed.' })
  async retryScan(@Param('scanId', ScanIdPipe) scanId: string): Promise<CloseAccepted> {
    return this.admin.retry(scanId);
  }

  @AdminOnly()
  @Delete(':scanId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a scan: its staged events, status and written file (admin)',
  })
  @ApiNoContentResponse({ description: 'Deleted; its staged bytes are free.' })
  @ApiNotFoundResponse({ description: 'No such scan.' })
  @ApiForbiddenResponse({ description: 'The key lacks the admin scope.' })
  @ApiConflictResponse({
    description: 'The scan is being written, or its file could not be removed (nothing deleted).',
  })
  async deleteScan(@Param('scanId', ScanIdPipe) scanId: string): Promise<void> {
    return this.admin.delete(scanId);
  }
}
