/**
 * The catalog sets a scan belongs to: one per subset of its beamline,
 * proposal and technique, each once without its status and once per status
 * (8 + 8 × 5 keys). Every script that changes a scan's status takes all of
 * them as its last KEYS and moves the scan between the status sets in the
 * same step. (Sets shared by scans: on a Redis Cluster these scripts would
 * need them in the scan's slot, as for the staged-bytes counters.)
 */
import { SCAN_STATUSES, type ScanMetadata } from '#libs/model/src/scan/index.js';
import type { CatalogIndexFilter, RedisKeys } from './redis-keys.js';

const SCAN_FIELDS = ['beamline', 'proposal', 'technique'] as const;

/** Sets per status (and without one): every subset of the scan's fields. */
export const CATALOG_SUBSETS = 2 ** SCAN_FIELDS.length;

/** How many catalog keys a status-changing script takes. */
export const CATALOG_KEY_COUNT = CATALOG_SUBSETS * (1 + SCAN_STATUSES.length);

/**
 * The scan's catalog keys in the order the Lua helpers read them: the
 * status-free sets (the whole catalog first), then those of each status in
 * SCAN_STATUSES order.
 */
export function scanCatalogKeys(keys: RedisKeys, meta: ScanMetadata): string[] {
  const subsets: CatalogIndexFilter[] = [];
  for (let mask = 0; mask < CATALOG_SUBSETS; mask += 1) {
    const subset: CatalogIndexFilter = {};
    for (const [bit, field] of SCAN_FIELDS.entries()) {
      if ((mask & (1 << bit)) !== 0) subset[field] = meta[field];
    }
    subsets.push(subset);
  }
  return [undefined, ...SCAN_STATUSES].flatMap((status) =>
    subsets.map((subset) => keys.catalog(status === undefined ? subset : { ...subset, status })),
  );
}
