/**
 * The durable staging of scans and their events in Redis, shared by the
 * gateway (which stages) and the worker (which reads and records the result).
 */
import type {
  CompletenessReport,
  ScanMetadata,
  ScanState,
  ScanStatus,
  ScanValidation,
  WrittenFile,
} from '#libs/model/src/scan/index.js';
import type { ExperimentDoneJson } from '#libs/model/src/assonant-json.js';
import type { RunEndJson } from '#libs/model/src/request-json.js';
import type { Redis } from 'ioredis';
import { RedisKeys, type EventKind } from './redis-keys.js';
import {
  BEGIN_CLOSE,
  BEGIN_RETRY,
  CREATE_SCAN,
  DELETE_SCAN,
  MARK_ATTEMPT_FAILED,
  MARK_WRITTEN,
  STAGE_EVENT,
} from './scan-scripts.js';
import type { CatalogPosition } from './catalog-cursor.js';
import { scanCatalogKeys } from './catalog-keys.js';
import { readCatalogPage } from './catalog-page.js';
import { evalOnScan } from './scan-script-call.js';
import type {
  CatalogFilter,
  CatalogPage,
  CloseOutcome,
  DeleteOutcome,
  RetryOutcome,
  StageOutcome,
  StagingLimits,
} from './scan-state.js';
import { parseScanHash } from './scan-hash.js';
import { defineScanScripts, runScript } from './run-script.js';
import { sameEventContent } from './event-digest.js';

export interface RawScanEvents {
  entries: Map<string, string>;
  devices: Map<string, string>;
}

const UNLIMITED: StagingLimits = {
  total: Number.MAX_SAFE_INTEGER,
  perBeamline: Number.MAX_SAFE_INTEGER,
};

export class ScanStore {
  private readonly keys: RedisKeys;

  /**
   * @param limits the most event text staged at once, over all scans and per
   *   beamline; beyond either new events are refused (`full`,
   *   `beamline-full`) until files are written. Only the gateway stages.
   */
  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    private readonly limits: StagingLimits = UNLIMITED,
  ) {
    this.keys = new RedisKeys(keyPrefix);
    defineScanScripts(redis);
  }

  /** Creates the scan, in the catalog at once; false when a scan with that id already exists. */
  async create(meta: ScanMetadata): Promise<boolean> {
    const catalog = scanCatalogKeys(this.keys, meta);
    const created = await runScript(
      this.redis,

      CREATE_SCAN,
      2 + catalog.length,
      this.keys.scan(meta.scanId),
      this.keys.openScans(),
      ...catalog,
      JSON.stringify(meta),
      Date.parse(meta.createdAt),
      meta.scanId,
      meta.beamline,
    );
    return created === 1;
  }

  async get(scanId: string): Promise<ScanState | undefined> {
    const hash = await this.redis.hgetall(this.keys.scan(scanId));
    return parseScanHash(hash);
  }

  /** The beamline of a scan (one small read, for access checks), if the scan exists. */
  async beamlineOf(scanId: string): Promise<string | undefined> {
    const meta = await this.redis.hget(this.keys.scan(scanId), 'meta');
    return meta === null ? undefined : (JSON.parse(meta) as ScanMetadata).beamline;
  }

  /**
   * Stores one event's text, as received, while the scan is open; idempotent
   * on `eventId`: the same content again (in any key order or spacing) is a
   * duplicate, other content a conflict.
   */
  async stage(
    scanId: string,
    kind: EventKind,
    eventId: string,
    text: string,
  ): Promise<StageOutcome> {
    const outcome = await runScript(
      this.redis,

      STAGE_EVENT,
      4,
      this.keys.scan(scanId),
      this.keys.events(scanId, kind),
      this.keys.events(scanId, kind === 'entries' ? 'devices' : 'entries'),
      this.keys.stagedBytes(),
      eventId,
      text,
      kind,
      this.limits.total,
      this.keys.beamlineStagedBytesPrefix(),
      this.limits.perBeamline,
    );
    if (Array.isArray(outcome)) {
      const [, staged] = outcome as [string, string];
      return sameEventContent(staged, text) ? 'duplicate' : 'conflict';
    }
    return outcome as StageOutcome;
  }

  /** Bytes staged and not yet written, over all scans or of one beamline. */
  async stagedBytes(beamline?: string): Promise<number> {
    return Number((await this.redis.get(this.keys.stagedBytes(beamline))) ?? 0);
  }

  /** Moves an open scan to `closing`; other states are returned unchanged. */
  async beginClose(
    scanId: string,
    closedAt: string,
    experimentDone?: ExperimentDoneJson,
    runEnd?: RunEndJson,
  ): Promise<CloseOutcome> {
    const outcome = await evalOnScan(this.redis, this.keys, scanId, {
      script: BEGIN_CLOSE,
      keys: [this.keys.scan(scanId), this.keys.openScans()],
      args: [
        scanId,
        closedAt,
        experimentDone === undefined ? '' : JSON.stringify(experimentDone),
        runEnd === undefined ? '' : JSON.stringify(runEnd),
      ],
    });
    return outcome as CloseOutcome;
  }

  /** Moves a failed scan back to `closing`, for its write to be queued again. */
  async beginRetry(scanId: string): Promise<RetryOutcome> {
    const outcome = await evalOnScan(this.redis, this.keys, scanId, {
      script: BEGIN_RETRY,
      keys: [this.keys.scan(scanId)],
      args: [scanId],
    });
    return outcome as RetryOutcome;
  }

  /** Removes the scan's record, events, event ids and catalog entries, freeing its bytes. */
  async delete(scan: ScanMetadata): Promise<DeleteOutcome> {
    const { scanId } = scan;
    const outcome = await evalOnScan(this.redis, this.keys, scanId, {
      script: DELETE_SCAN,
      keys: [...this.keys.stagingKeys(scanId), this.keys.openScans()],
      args: [scanId, this.keys.beamlineStagedBytesPrefix()],
    });
    return outcome as DeleteOutcome;
  }

  async loadEvents(scanId: string): Promise<RawScanEvents> {
    const [entries, devices] = await Promise.all([
      this.redis.hgetall(this.keys.events(scanId, 'entries')),
      this.redis.hgetall(this.keys.events(scanId, 'devices')),
    ]);
    return { entries: new Map(Object.entries(entries)), devices: new Map(Object.entries(devices)) };
  }

  async markWritten(
    scanId: string,
    written: {
      file: WrittenFile;
      warnings: string[];
      validation: ScanValidation;
      completeness?: CompletenessReport;
    },
    writtenAt: string,
  ): Promise<void> {
    const fields: Record<string, string> = {
      status: 'written' satisfies ScanStatus,
      writtenAt,
      file: JSON.stringify(written.file),
      warnings: JSON.stringify(written.warnings),
      validation: JSON.stringify(written.validation),
    };
    if (written.completeness !== undefined) {
      fields.completeness = JSON.stringify(written.completeness);
    }
    await evalOnScan(this.redis, this.keys, scanId, {
      script: MARK_WRITTEN,
      keys: this.keys.stagingKeys(scanId),
      args: [scanId, this.keys.beamlineStagedBytesPrefix(), ...Object.entries(fields).flat()],
    });
  }

  /** Records why an attempt failed; `final` when no retry will follow (the scan is failed). */
  async markAttemptFailed(scanId: string, error: string, final: boolean): Promise<void> {
    await evalOnScan(this.redis, this.keys, scanId, {
      script: MARK_ATTEMPT_FAILED,
      keys: [this.keys.scan(scanId)],
      args: [scanId, error, final ? '1' : '0'],
    });
  }

  /**
   * Newest first, strictly after `after` (the place of the previous page's
   * last scan); every equality filter together reads its own sorted set.
   */
  async list(filter: CatalogFilter, limit: number, after?: CatalogPosition): Promise<CatalogPage> {
    return readCatalogPage(this.redis, this.keys, filter, limit, after);
  }
}
