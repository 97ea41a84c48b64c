/**
 * The durable staging of scans and their events in Redis, shared by the
 * gateway (which stages) and the worker (which reads and records the result).
 */
import type { Redis } from 'ioredis';
import { RedisKeys, type EventKind } from './redis-keys.js';
import {
  BEGIN_CLOSE,
  BEGIN_RETRY,
  CREATE_SCAN,
  DELETE_SCAN,
  MARK_WRITTEN,
  STAGE_EVENT,
} from './scan-scripts.js';
import type { ScanMetadata, ScanStatus } from './staged-scan.js';
import type {
  CatalogFilter,
  CatalogPage,
  CloseOutcome,
  DeleteOutcome,
  RetryOutcome,
  ScanState,
  ScanValidation,
  StageOutcome,
  StagingLimits,
  WrittenFile,
} from './scan-state.js';
import { catalogEntries, parseScanHash } from './scan-hash.js';

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
  }

  /** Creates the scan; false when a scan with that id already exists. */
  async create(meta: ScanMetadata): Promise<boolean> {
    const createdMs = Date.parse(meta.createdAt);
    const scanKey = this.keys.scan(meta.scanId);
    const created = await this.redis.eval(
      CREATE_SCAN,
      2,
      scanKey,
      this.keys.openScans(),
      JSON.stringify(meta),
      createdMs,
      'open' satisfies ScanStatus,
      meta.scanId,
    );
    if (created !== 1) return false;
    const catalog = this.redis.multi();
    for (const key of catalogEntries(this.keys, meta)) catalog.zadd(key, createdMs, meta.scanId);
    await catalog.exec();
    return true;
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

  /** Stores one event's canonical text while the scan is open; idempotent on `eventId`. */
  async stage(
    scanId: string,
    kind: EventKind,
    eventId: string,
    text: string,
    digest: string,
  ): Promise<StageOutcome> {
    const outcome = await this.redis.eval(
      STAGE_EVENT,
      4,
      this.keys.scan(scanId),
      this.keys.events(scanId, kind),
      this.keys.digests(scanId),
      this.keys.stagedBytes(),
      eventId,
      text,
      digest,
      kind,
      this.limits.total,
      this.keys.beamlineStagedBytesPrefix(),
      this.limits.perBeamline,
    );
    return outcome as StageOutcome;
  }

  /** Bytes staged and not yet written, over all scans or of one beamline. */
  async stagedBytes(beamline?: string): Promise<number> {
    return Number((await this.redis.get(this.keys.stagedBytes(beamline))) ?? 0);
  }

  /** Moves an open scan to `closing`; other states are returned unchanged. */
  async beginClose(scanId: string, closedAt: string): Promise<CloseOutcome> {
    const outcome = await this.redis.eval(
      BEGIN_CLOSE,
      2,
      this.keys.scan(scanId),
      this.keys.openScans(),
      closedAt,
      scanId,
    );
    return outcome as CloseOutcome;
  }

  /** Moves a failed scan back to `closing`, for its write to be queued again. */
  async beginRetry(scanId: string): Promise<RetryOutcome> {
    return (await this.redis.eval(BEGIN_RETRY, 1, this.keys.scan(scanId))) as RetryOutcome;
  }

  /** Removes the scan's record, events, digests and catalog entries, freeing its bytes. */
  async delete(scan: ScanMetadata): Promise<DeleteOutcome> {
    const { scanId } = scan;
    const outcome = await this.redis.eval(
      DELETE_SCAN,
      6 + catalogEntries(this.keys, scan).length,
      ...this.keys.stagingKeys(scanId),
      this.keys.openScans(),
      ...catalogEntries(this.keys, scan),
      scanId,
      this.keys.beamlineStagedBytesPrefix(),
    );
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
    written: { file: WrittenFile; warnings: string[]; validation: ScanValidation },
    writtenAt: string,
  ): Promise<void> {
    const fields: Record<string, string> = {
      status: 'written' satisfies ScanStatus,
      writtenAt,
      file: JSON.stringify(written.file),
      warnings: JSON.stringify(written.warnings),
      validation: JSON.stringify(written.validation),
    };
    await this.redis.eval(
      MARK_WRITTEN,
      5,
      ...this.keys.stagingKeys(scanId),
      this.keys.beamlineStagedBytesPrefix(),
      ...Object.entries(fields).flat(),
    );
  }

  /** Records why an attempt failed; `final` when no retry will follow. */
  async markAttemptFailed(scanId: string, error: string, final: boolean): Promise<void> {
    const fields: Record<string, string> = { error };
    if (final) fields.status = 'failed' satisfies ScanStatus;
    await this.redis.hset(this.keys.scan(scanId), fields);
  }

  /** Newest first; filters on beamline or proposal use their own index. */
  async list(filter: CatalogFilter, limit: number, cursor?: string): Promise<CatalogPage> {
    const key = this.keys.catalog(
      filter.beamline !== undefined
        ? { beamline: filter.beamline }
        : filter.proposal !== undefined
          ? { proposal: filter.proposal }
          : undefined,
    );
    const max = filter.createdTo !== undefined ? `(${Date.parse(filter.createdTo)}` : '+inf';
    const min = filter.createdFrom !== undefined ? String(Date.parse(filter.createdFrom)) : '-inf';
    let offset = cursor !== undefined ? Number(cursor) : 0;
    const items: ScanState[] = [];
    const batch = Math.max(limit * 2, 50);
    for (;;) {
      const ids = await this.redis.zrevrangebyscore(key, max, min, 'LIMIT', offset, batch);
      const pipeline = this.redis.pipeline();
      for (const id of ids) pipeline.hgetall(this.keys.scan(id));
      const hashes = (await pipeline.exec()) ?? [];
      for (const [index, [, hash]] of hashes.entries()) {
        const state = parseScanHash(hash as Record<string, string>);
        if (state !== undefined && matches(state, filter)) items.push(state);
        if (items.length === limit) {
          const consumed = offset + index + 1;
          const more = index + 1 < ids.length || ids.length === batch;
          return more ? { items, nextCursor: String(consumed) } : { items };
        }
      }
      if (ids.length < batch) return { items };
      offset += ids.length;
    }
  }
}

function matches(state: ScanState, filter: CatalogFilter): boolean {
  return (
    (filter.beamline === undefined || state.beamline === filter.beamline) &&
    (filter.proposal === undefined || state.proposal === filter.proposal) &&
    (filter.technique === undefined || state.technique === filter.technique) &&
    (filter.status === undefined || state.status === filter.status)
  );
}
