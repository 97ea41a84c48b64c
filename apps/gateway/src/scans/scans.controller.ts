import {
  applyDecorators,
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
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import {
  CreateScanRequest,
  DeviceEventRequest,
  Entry,
  ExperimentDone,
  PvSnapshotRequest,
  RunEnd,
} from '#libs/model-classes/src/index.js';
import { EXAMPLE_EXPERIMENT_DONE } from '#libs/model/src/index.js';
import { AdminOnly, BeamlineAccess } from '../auth/access.decorator.js';
import { RequestId } from '../http/request-id.decorator.js';
import { ScanIdPipe } from './scan-id.pipe.js';
import { JsonBodyText } from './json-body-text.decorator.js';
import { ScanAdminService } from './scan-admin.service.js';
import { ScanReportService } from './scan-report.service.js';
import { ScanReportResponse } from './dto/scan-report.dto.js';
import { ScanEventsService } from './scan-events.service.js';
import { ScansService } from './scans.service.js';
import { CloseAccepted } from './dto/close-accepted.dto.js';
import { EventAccepted } from './dto/event-accepted.dto.js';
import { ListScansQuery } from './dto/list-scans.query.js';
import { ScanStatusQuery } from './dto/scan-status.query.js';
import { ScanCatalogPage, ScanStatusResponse } from './dto/scan-status.dto.js';
import { SWAGGER_EXAMPLES } from '../openapi/swagger-examples.js';
import { ApiProblem } from '../openapi/api-problem.js';
import {
  ApiIgnoredBodyProblems,
  ApiJsonBodyProblems,
  ApiQueryProblems,
  ApiScanNotFound,
  ApiScopeProblems,
  ApiStoreProblems,
  bodyRuleCase,
} from '../openapi/common-problems.js';
import {
  EXAMPLE_CATALOG_PAGE,
  EXAMPLE_OPEN_SCAN,
  EXAMPLE_WRITTEN_SCAN,
} from '../openapi/response-examples.js';
import { ApiScanIdParam } from './scan-id-param.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key twice: stored once. Same key with other content: 422.',
};

const SCANS = '/v1/scans';
const SCAN = '/v1/scans/mogno-0001';

const STAGING_FULL = ApiProblem(
  429,
  'Staging is at its global limit (STAGING_LIMIT_BYTES) or at the limit of the scan’s beamline ' +
    '(STAGING_LIMIT_PER_BEAMLINE_BYTES); the problem type says which. Retry after Retry-After.',
  {
    code: 'staging_full',
    detail:
      'Staging is at its global limit (STAGING_LIMIT_BYTES) until more scans are written; retry later.',
    instance: `${SCAN}/devices`,
  },
  {
    code: 'beamline_staging_full',
    detail:
      'The beamline of scan mogno-0001 is at its staging limit (STAGING_LIMIT_PER_BEAMLINE_BYTES) ' +
      'until more of its scans are written, deleted or expired; retry later.',
    instance: `${SCAN}/devices`,
  },
);

const SCAN_CLOSED = ApiProblem(409, 'The scan is closed: it takes no more events.', {
  code: 'scan_closed',
  detail: 'Scan mogno-0001 is closed; it takes no more events.',
  instance: `${SCAN}/entries`,
});

/** The 422 of the event routes: a body that breaks the model, or an eventId reused. */
const EVENT_REFUSED = (route: string): MethodDecorator & ClassDecorator =>
  ApiProblem(
    422,
    'The body breaks the data model, or its eventId was accepted with other content.',
    bodyRuleCase(`${SCAN}/${route}`),
    {
      code: 'event_id_conflict',
      detail: 'Event "mono-0001" was already accepted with different content.',
      instance: `${SCAN}/${route}`,
    },
  );

/** What the three event routes share: 202 when durable, the scan in the path, its limits and scopes. */
const EventRoute = (route: string): MethodDecorator =>
  applyDecorators(
    BeamlineAccess('write', 'scan'),
    Post(`:scanId/${route}`),
    HttpCode(202),
    ApiHeader(IDEMPOTENCY_HEADER),
    ApiAcceptedResponse({
      type: EventAccepted,
      description: 'Stored durably; it will be in the file.',
    }),
    ApiScanIdParam(),
    ApiScanNotFound(),
    SCAN_CLOSED,
    ApiJsonBodyProblems(`${SCAN}/${route}`),
    STAGING_FULL,
    ApiScopeProblems('The key may not write scans of this beamline.'),
  );

@ApiTags('scans')
@ApiBearerAuth()
@ApiStoreProblems()
@Controller('v1/scans')
export class ScansController {
  constructor(
    private readonly scans: ScansService,
    private readonly events: ScanEventsService,
    private readonly admin: ScanAdminService,
    private readonly reports: ScanReportService,
  ) {}

  @BeamlineAccess('write', 'body')
  @Post()
  @ApiOperation({ summary: 'Open a scan' })
  @ApiBody({ type: CreateScanRequest, examples: SWAGGER_EXAMPLES.createScan })
  @ApiCreatedResponse({
    type: ScanStatusResponse,
    description: 'Opened; Location names it.',
    example: EXAMPLE_OPEN_SCAN,
  })
  @ApiOkResponse({
    type: ScanStatusResponse,
    example: EXAMPLE_OPEN_SCAN,
    description: 'That scanId is open already, with the same metadata: a retried open is harmless.',
  })
  @ApiJsonBodyProblems(SCANS)
  @ApiProblem(
    422,
    'The body breaks the data model; the violations name every offending path.',
    bodyRuleCase(SCANS),
  )
  @ApiScopeProblems('The key may not write scans of the beamline in the body.')
  @ApiProblem(
    409,
    'The scanId exists with other metadata (the detail says which), or is no longer open.',
    {
      code: 'scan_exists',
      detail:
        'Scan mogno-0001 already exists with other metadata: title is "rock core A3", not "rock core B1". ' +
        'Send the same metadata to re-open it, or choose another scanId.',
      instance: SCANS,
    },
    {
      code: 'scan_closed',
      detail:
        'Scan mogno-0001 exists with this metadata but is written, so it takes no more events; ' +
        'open a new scan with another scanId.',
      instance: SCANS,
    },
  )
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
  @ApiOkResponse({ type: ScanCatalogPage, example: EXAMPLE_CATALOG_PAGE })
  @ApiQueryProblems(SCANS)
  @ApiScopeProblems(
    'The key may not read every beamline (name one with ?beamline=), or not this one.',
  )
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
  @ApiScanIdParam()
  @ApiOkResponse({ type: ScanStatusResponse, example: EXAMPLE_WRITTEN_SCAN })
  @ApiQueryProblems(SCAN)
  @ApiScanNotFound()
  @ApiScopeProblems('The key may not read scans of this beamline.')
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

  @EventRoute('entries')
  @ApiOperation({ summary: 'Stage an Assonant Entry (a whole stage×moment snapshot)' })
  @ApiBody({ type: Entry, examples: SWAGGER_EXAMPLES.entry })
  @EVENT_REFUSED('entries')
  async stageEntry(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Body() entry: Entry,
    @JsonBodyText() json: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    return this.events.stageEntry(scanId, entry, json, idempotencyKey);
  }

  @EventRoute('devices')
  @ApiOperation({ summary: 'Stage one device (Component) reading for a stage and moment' })
  @ApiBody({ type: DeviceEventRequest, examples: SWAGGER_EXAMPLES.device })
  @EVENT_REFUSED('devices')
  async stageDevice(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Body() event: DeviceEventRequest,
    @JsonBodyText() json: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    return this.events.stageDevice(scanId, event, json, idempotencyKey);
  }

  @EventRoute('pvs')
  @ApiOperation({
    summary: 'Stage PVs read at one stage and moment, placed through the beamline schema',
    description:
      'PV name → value, as an EPICS or Tango script reads them: each PV goes where the schema the ' +
      'scan pinned says (component, field or position, unit, transformation type, a pv_name ' +
      'attribute), exactly where an Entry with the same readings would put it. In a during ' +
      'moment a value may be {value: […], timestamps: […]} (epoch seconds).',
  })
  @ApiBody({ type: PvSnapshotRequest, examples: SWAGGER_EXAMPLES.pvs })
  @ApiProblem(
    422,
    'A PV the schema does not list (named), a reading that breaks its rule, a scan opened ' +
      'without a schema, or an eventId reused with other content.',
    {
      code: 'validation_failed',
      detail: 'The request body breaks 1 rule(s); see violations.',
      instance: `${SCAN}/pvs`,
      violations: [
        {
          path: 'values.MGN:A:DCM:Energy_RBX',
          rule: 'inBeamlineSchema',
          message:
            'MGN:A:DCM:Energy_RBX is not in the MOGNO schema; did you mean "MGN:A:DCM:Energy_RBV"?; add a row with this PV Name, or send the reading in an Entry or device event',
        },
      ],
    },
    {
      code: 'schema_not_pinned',
      detail:
        'Scan mogno-0001 was opened when beamline MOGNO had no schema, so its PVs have no place. ' +
        'Upload the schema (PUT /v1/beamlines/MOGNO/schema), then open a new scan; or send the ' +
        'readings as an Entry or device event.',
      instance: `${SCAN}/pvs`,
    },
    {
      code: 'event_id_conflict',
      detail: 'Event "mogno-pvs-0001" was already accepted with different content.',
      instance: `${SCAN}/pvs`,
    },
  )
  async stagePvs(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Body() snapshot: PvSnapshotRequest,
    @JsonBodyText() json: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    return this.events.stagePvs(scanId, snapshot, json, idempotencyKey);
  }

  @BeamlineAccess('write', 'scan')
  @Post(':scanId/close')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Close the scan: no more events; write its NeXus file',
    description:
      'No body; Assonant’s ExperimentDone (`{beamline, filepath}`) as its sender emits it (its ' +
      'beamline must be the scan’s; kept in the status as `experimentDone`); or how the run ' +
      'ended, `{exitStatus: success|abort|fail, reason?}` (kept in the status as `runEnd` and ' +
      'in the file as root attributes `exit_status` and `exit_reason`).',
  })
  @ApiScanIdParam()
  @ApiExtraModels(ExperimentDone, RunEnd)
  @ApiBody({
    required: false,
    schema: { oneOf: [{ $ref: getSchemaPath(ExperimentDone) }, { $ref: getSchemaPath(RunEnd) }] },
    examples: {
      experimentDone: { summary: 'Assonant’s ExperimentDone', value: EXAMPLE_EXPERIMENT_DONE },
      aborted: {
        summary: 'A run that was aborted',
        value: { exitStatus: 'abort', reason: 'the user pressed Ctrl-C' },
      },
    },
  })
  @ApiAcceptedResponse({ type: CloseAccepted })
  @ApiScanNotFound()
  @ApiJsonBodyProblems(`${SCAN}/close`)
  @ApiProblem(
    422,
    'The body is neither an ExperimentDone nor a run end, or names another beamline than the scan’s.',
    {
      code: 'validation_failed',
      detail:
        'The ExperimentDone names beamline MANACA; scan mogno-0001 is of MOGNO. Close it with its own beamline, or with no body.',
      instance: `${SCAN}/close`,
      violations: [
        {
          path: 'beamline',
          rule: 'sameBeamline',
          message: 'beamline must be the scan’s, MOGNO',
        },
      ],
    },
  )
  @ApiScopeProblems('The key may not write scans of this beamline.')
  async closeScan(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Body() done: unknown,
    @RequestId() requestId: string,
  ): Promise<CloseAccepted> {
    return this.scans.close(scanId, done, requestId);
  }

  @BeamlineAccess('read', 'scan')
  @Get(':scanId/report')
  @ApiOperation({
    summary: 'What the file would hold and lack if the scan were closed now',
    description:
      'While the scan is open: a worker builds the file from the events staged so far, as it ' +
      'will when the scan closes, and validates it, without writing the scan’s file — the ' +
      'completeness report (with a beamline schema) and the application-definition findings ' +
      'with their "send X" hints, in time to fix the configuration before the experiment ends. ' +
      'Once written: the same from the file.',
  })
  @ApiScanIdParam()
  @ApiOkResponse({ type: ScanReportResponse })
  @ApiScanNotFound()
  @ApiProblem(422, 'The staged events cannot make a file, or the scan expired.', {
    code: 'report_failed',
    detail: 'Scan mogno-0001 expired and its events were dropped; there is nothing to report on.',
    instance: `${SCAN}/report`,
  })
  @ApiProblem(503, 'No worker built the report within REPORT_TIMEOUT_MS, or Redis is away.', {
    code: 'report_unavailable',
    detail:
      'No worker built the report of scan mogno-0001 within 20000 ms (REPORT_TIMEOUT_MS): check ' +
      'that a worker runs (npm start runs one), or retry when the write queue is shorter.',
    instance: `${SCAN}/report`,
  })
  @ApiScopeProblems('The key may not read scans of this beamline.')
  async getScanReport(
    @Param('scanId', ScanIdPipe) scanId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScanReportResponse> {
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    return this.reports.report(scanId, gone.signal);
  }

  @BeamlineAccess('read', 'scan')
  @Get(':scanId/file')
  @ApiOperation({ summary: 'Download the written NeXus file' })
  @ApiProduces('application/x-hdf5')
  @ApiOkResponse({ description: 'The .nxs file.', schema: { type: 'string', format: 'binary' } })
  @ApiScanIdParam()
  @ApiScanNotFound()
  @ApiProblem(409, 'The file is not written yet: wait with GET /v1/scans/{scanId}?wait=30.', {
    code: 'file_not_ready',
    detail: 'Scan mogno-0001 is closing; its file exists once the status is written.',
    instance: `${SCAN}/file`,
  })
  @ApiScopeProblems('The key may not read scans of this beamline.')
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
  @ApiScanIdParam()
  @ApiAcceptedResponse({ type: CloseAccepted })
  @ApiScanNotFound()
  @ApiScopeProblems('The key lacks the admin scope.')
  @ApiProblem(409, 'The scan is not failed.', {
    code: 'scan_not_failed',
    detail: 'Scan mogno-0001 is written; only a failed scan can be retried.',
    instance: `${SCAN}/retry`,
  })
  @ApiIgnoredBodyProblems(`${SCAN}/retry`)
  async retryScan(
    @Param('scanId', ScanIdPipe) scanId: string,
    @RequestId() requestId: string,
  ): Promise<CloseAccepted> {
    return this.admin.retry(scanId, requestId);
  }

  @AdminOnly()
  @Delete(':scanId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a scan: its staged events, status and written file (admin)',
  })
  @ApiScanIdParam()
  @ApiNoContentResponse({ description: 'Deleted; its staged bytes are free.' })
  @ApiScanNotFound()
  @ApiScopeProblems('The key lacks the admin scope.')
  @ApiProblem(
    409,
    'The scan is being written, or its file could not be removed (nothing deleted).',
    {
      code: 'scan_busy',
      detail: 'Scan mogno-0001 is being written; delete it once it is written or failed.',
      instance: SCAN,
    },
    {
      code: 'file_not_deletable',
      detail:
        'The file of scan mogno-0001 could not be removed (EACCES); nothing was deleted. ' +
        'Fix its permissions or file system, then delete again.',
      instance: SCAN,
    },
  )
  @ApiIgnoredBodyProblems(SCAN)
  async deleteScan(@Param('scanId', ScanIdPipe) scanId: string): Promise<void> {
    return this.admin.delete(scanId);
  }
}
