/**
 * The durable staging of scans and their events in Redis, shared by the
 * gateway (which stages) and the worker (which reads and records the result).
 */
import type { Redis } from 'ioredis';
import { RedisKeys, type EventKind } from './redis-keys.js';
import { BEGIN_CLOSE, CREATE_SCAN, MARK_WRITTEN, STAGE_EVENT } from './scan-scripts.js';
import type { ScanMetadata, ScanStatus } from './staged-scan.js';
import type {
  CatalogFilter,
  CatalogPage,
  CloseOutcome,
  ScanState,
  ScanValidation,
  StageOutcome,
  WrittenFile,
} from './scan-state.js';
import { catalogEntries, parseScanHash } from './scan-hash.js';

export interface RawScanEvents {
  entries: Map<string, string>;
  devices: Map<string, string>;
}

export class ScanStore {
  private readonly keys: RedisKeys;

  /**
   * @param stagingLimitBytes the most event text staged at once, over all
   *   scans; beyond it new events are refused (`full`) until files are written.
   */
  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    private readonly stagingLimitBytes = Number.MAX_SAFE_INTEGER,
  ) {
    this.keys = new RedisKeys(keyPrefix);
  }

  /** Creates the scan; false when a scan with that id already exists. */
  async create(meta: ScanMetadata): Promise<boolean> {
    const createdMs = Date.parse(meta.createdAt);
    const scanKey = this.keys.scan(meta.scanId);
    const created = await this.redis.eval(
      CREATE_SCAN,
      1,
      scanKey,
      JSON.stringify(meta),
      createdMs,
      'open' satisfies ScanStatus,
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

  /** Stores one event while the scan is open; idempotent on `eventId`. */
  async stage(
    scanId: string,
    kind: EventKind,
    eventId: string,
    rawJson: string,
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
      rawJson,
      digest,
      kind,
      this.stagingLimitBytes,
    );
    return outcome as StageOutcome;
  }

  /** Moves an open scan to `closing`; other states are returned unchanged. */
  async beginClose(scanId: string, closedAt: string): Promise<CloseOutcome> {
    const outcome = await this.redis.eval(BEGIN_CLOSE, 1, this.keys.scan(scanId), closedAt);
    return outcome as CloseOutcome;
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
      4,
      this.keys.scan(scanId),
      this.keys.events(scanId, 'entries'),
      this.keys.events(scanId, 'devices'),
      this.keys.stagedBytes(),
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
