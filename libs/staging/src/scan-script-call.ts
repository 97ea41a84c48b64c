/**
 * Runs a script that may change a scan's status, naming the scan's catalog
 * sets as KEYS. They follow from its metadata, read just before; the script
 * answers 'stale' when the record changed in between (deleted, opened again
 * with other metadata), and the call is made again with the new record.
 */
import type { ScanMetadata } from '#libs/model/src/scan/index.js';
import type { Redis } from 'ioredis';
import { scanCatalogKeys } from './catalog-keys.js';
import type { RedisKeys } from './redis-keys.js';
import { runScript } from './run-script.js';

/** A record replaced this many times within one call is a caller at fault, not a race. */
const ATTEMPTS = 5;

export async function evalOnScan(
  redis: Redis,
  keys: RedisKeys,
  scanId: string,
  call: { script: string; keys: string[]; args: (string | number)[] },
): Promise<unknown> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const meta = await redis.hget(keys.scan(scanId), 'meta');
    // No record: the scripts answer from the scan's absence and touch no catalog set.
    const catalog = meta === null ? [] : scanCatalogKeys(keys, JSON.parse(meta) as ScanMetadata);
    const outcome = await runScript(
      redis,

      call.script,
      call.keys.length + catalog.length,
      ...call.keys,
      ...catalog,
      meta ?? '',
      ...call.args,
    );
    if (outcome !== 'stale') return outcome;
  }
  throw new Error(`scan ${scanId} was replaced ${ATTEMPTS} times while its status changed`);
}
