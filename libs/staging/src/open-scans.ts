/**
 * The open scans by opening time, for the sweep that ends scans left open
 * longer than OPEN_SCAN_MAX_AGE_S. Each step is one Lua script, so several
 * workers sweeping at once end each scan once.
 */
import type { Redis } from 'ioredis';
import { RedisKeys } from './redis-keys.js';
import { EXPIRE_OPEN_SCAN } from './scan-scripts.js';
import { evalOnScan } from './scan-script-call.js';
import { defineScanScripts } from './run-script.js';

export type OpenScanExpiry = 'close' | 'expire';

/**
 * `closing`: closed by expiry, its write job still to be queued (then call
 * `forget`); `expired`: expired and freed; `young`: not past the cutoff;
 * `gone`: no longer open (closed, deleted) and dropped from the set.
 */
export type ExpiryOutcome = 'closing' | 'expired' | 'young' | 'gone';

export class OpenScans {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
  ) {
    this.keys = new RedisKeys(keyPrefix);
    defineScanScripts(redis);
  }

  /** Up to `limit` ids of scans opened at or before `cutoffMs`, oldest first. */
  async openedBefore(cutoffMs: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.openScans(), '-inf', cutoffMs, 'LIMIT', 0, limit);
  }

  /** Ends one scan opened at or before `cutoffMs`; `note` is the warning or reason. */
  async end(
    scanId: string,
    mode: OpenScanExpiry,
    at: { now: string; cutoffMs: number },
    note: string,
  ): Promise<ExpiryOutcome> {
    const outcome = await evalOnScan(this.redis, this.keys, scanId, {
      script: EXPIRE_OPEN_SCAN,
      keys: [...this.keys.stagingKeys(scanId), this.keys.openScans()],
      args: [scanId, mode, at.now, at.cutoffMs, note, this.keys.beamlineStagedBytesPrefix()],
    });
    return outcome as ExpiryOutcome;
  }

  /**
   * Adds to the set every open scan of the catalog that is missing from it:
   * scans opened before the set existed would otherwise never expire. Safe to
   * run from several workers at once (ZADD NX). Returns how many it added.
   */
  async trackUntracked(pageSize = 500): Promise<number> {
    let added = 0;
    for (let start = 0; ; start += pageSize) {
      const page = await this.redis.zrange(
        this.keys.catalog(),
        String(start),
        String(start + pageSize - 1),
        'WITHSCORES',
      );
      if (page.length === 0) return added;
      const ids = page.filter((_, i) => i % 2 === 0);
      const statuses = await Promise.all(
        ids.map((id) => this.redis.hget(this.keys.scan(id), 'status')),
      );
      for (const [i, id] of ids.entries()) {
        if (statuses[i] !== 'open') continue;
        added += await this.redis.zadd(this.keys.openScans(), 'NX', page[2 * i + 1] ?? '0', id);
      }
      if (page.length < 2 * pageSize) return added;
    }
  }

  /** Drops a scan closed by expiry from the set once its write job is queued. */
  async forget(scanId: string): Promise<void> {
    await this.redis.zrem(this.keys.openScans(), scanId);
  }
}
