/**
 * Brings scans staged before the catalog had a set per filter combination
 * (only the whole catalog and one set per beamline and per proposal) into
 * every set they belong to, once: the index version key says it is done.
 * Safe while the gateway serves and from several workers at once: each scan
 * is indexed in one script by the status it has then, and status changes
 * move it between the sets from then on.
 */
import type { Redis } from 'ioredis';
import type { CatalogPosition } from './catalog-cursor.js';
import { readCatalogPositions } from './catalog-page.js';
import { INDEX_SCAN } from './catalog-scripts.js';
import { RedisKeys } from './redis-keys.js';
import { evalOnScan } from './scan-script-call.js';
import { defineScanScripts } from './run-script.js';

/** 1: whole catalog, beamline and proposal sets; 2: every combination, with status. */
export const CATALOG_INDEX_VERSION = '2';

const PAGE = 500;

export class CatalogBackfill {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
  ) {
    this.keys = new RedisKeys(keyPrefix);
    defineScanScripts(redis);
  }

  /**
   * Indexes every scan of the catalog unless that was done; returns how many
   * it indexed (0 when the index was current). `stopped` ends it early,
   * undone, for the next start to finish.
   */
  async run(stopped: () => boolean = () => false): Promise<number> {
    const versionKey = this.keys.catalogIndexVersion();
    if ((await this.redis.get(versionKey)) === CATALOG_INDEX_VERSION) return 0;
    let indexed = 0;
    // The stable cursor: scans opened or deleted meanwhile shift no one out of the walk.
    let after: CatalogPosition | undefined;
    for (;;) {
      if (stopped()) return indexed;
      const slice = await readCatalogPositions(this.redis, this.keys.catalog(), PAGE, after);
      const outcomes = await Promise.all(
        slice.positions.map(({ scanId }) =>
          evalOnScan(this.redis, this.keys, scanId, {
            script: INDEX_SCAN,
            keys: [this.keys.scan(scanId)],
            args: [scanId],
          }),
        ),
      );
      indexed += outcomes.filter((outcome) => outcome === 'indexed').length;
      after = slice.positions.at(-1);
      if (!slice.more) break;
    }
    await this.redis.set(versionKey, CATALOG_INDEX_VERSION);
    return indexed;
  }
}
