/** Staging of entries and device events: durable before the client hears 202. */
import { Injectable } from '@nestjs/common';
import { ScanIngest, type PvStageResult, type StageResult } from '#libs/ingest/src/index.js';
import type {
  DeviceEventRequest,
  Entry,
  PvSnapshotRequest,
} from '#libs/model-classes/src/index.js';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { GATEWAY_METRICS } from '../metrics/gateway-metric-names.js';
import { DomainError } from '../problem/domain-error.js';
import type { EventAccepted } from './dto/event-accepted.dto.js';

type StagedKind = 'entry' | 'device' | 'pvs';

@Injectable()
export class ScanEventsService {
  constructor(
    private readonly ingest: ScanIngest,
    @InjectMetric(GATEWAY_METRICS.eventsStaged) private readonly staged: Counter,
  ) {
    // Every series from the start, so a rate over the first scrape is 0 rather than missing.
    for (const kind of ['entry', 'device', 'pvs'] satisfies StagedKind[])
      for (const duplicate of ['true', 'false']) this.staged.inc({ kind, duplicate }, 0);
  }

  /** `json`: the body's text as received, which is staged. */
  async stageEntry(
    scanId: string,
    entry: Entry,
    json: string,
    idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    const result = accepted(
      await this.ingest.stageEntry(scanId, { body: entry, json, idempotencyKey }),
    );
    return this.counted('entry', result);
  }

  async stagePvs(
    scanId: string,
    snapshot: PvSnapshotRequest,
    json: string,
    idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    const result = pvsAccepted(
      await this.ingest.stagePvSnapshot(scanId, { body: snapshot, json, idempotencyKey }),
    );
    return this.counted('pvs', result);
  }

  async stageDevice(
    scanId: string,
    event: DeviceEventRequest,
    json: string,
    idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    const result = accepted(
      await this.ingest.stageDevice(scanId, { body: event, json, idempotencyKey }),
    );
    return this.counted('device', result);
  }

  private counted(kind: StagedKind, result: EventAccepted): EventAccepted {
    this.staged.inc({ kind, duplicate: String(result.duplicate) });
    return result;
  }
}

function pvsAccepted(result: PvStageResult): EventAccepted {
  switch (result.kind) {
    case 'no-schema':
      throw new DomainError(
        'schema_not_pinned',
        `Scan ${result.scanId} was opened when beamline ${result.beamline} had no schema, so its PVs ` +
          `have no place. Upload the schema (PUT /v1/beamlines/${result.beamline}/schema), then open a ` +
          'new scan; or send the readings as an Entry or device event.',
      );
    case 'unplaceable':
      throw violationsOf(result.problems, 'inBeamlineSchema');
    default:
      return accepted(result);
  }
}

function accepted(result: StageResult): EventAccepted {
  switch (result.kind) {
    case 'stored':
    case 'duplicate': {
      const { scanId, eventId, entry } = result;
      return { scanId, eventId, entry, duplicate: result.kind === 'duplicate' };
    }
    case 'id-mismatch':
      throw new DomainError(
        'event_id_conflict',
        `eventId "${result.bodyEventId}" and Idempotency-Key "${result.idempotencyKey}" differ; send one, or the same.`,
      );
    case 'conflict':
      throw new DomainError(
        'event_id_conflict',
        `Event "${result.eventId}" was already accepted with different content.`,
      );
    case 'closed':
      throw new DomainError(
        'scan_closed',
        `Scan ${result.scanId} is closed; it takes no more events.`,
      );
    case 'unknown':
      throw new DomainError('scan_not_found', `There is no scan ${result.scanId}.`);
    case 'full':
      throw new DomainError(
        'staging_full',
        'Staging is at its global limit (STAGING_LIMIT_BYTES) until more scans are written; retry later.',
      );
    case 'beamline-full':
      throw new DomainError(
        'beamline_staging_full',
        `The beamline of scan ${result.scanId} is at its staging limit (STAGING_LIMIT_PER_BEAMLINE_BYTES) ` +
          'until more of its scans are written, deleted or expired; retry later.',
      );
    case 'unknown-arrays':
      throw violationsOf(result.problems, 'arrayUploaded');
  }
}

/** A 422 listing each problem as a violation of `rule` at its path. */
function violationsOf(problems: { path: string; message: string }[], rule: string): DomainError {
  return new DomainError(
    'validation_failed',
    `The request body breaks ${problems.length} rule(s); see violations.`,
    problems.map(({ path, message }) => ({ path, rule, message })),
  );
}
