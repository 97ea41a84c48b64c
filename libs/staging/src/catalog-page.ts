/**
 * One page of the catalog: the sorted set of the filter's combination gives
 * the page's scan ids after the cursor, then only those scans are read. A
 * page costs the same whether the catalog holds a hundred scans or millions.
 */
import type { ScanState } from '#libs/model/src/scan/index.js';
import type { Redis } from 'ioredis';
import { encodeCatalogCursor, type CatalogPosition } from './catalog-cursor.js';
import { CATALOG_PAGE } from './catalog-scripts.js';
import type { RedisKeys } from './redis-keys.js';
import { parseScanHash } from './scan-hash.js';
import type { CatalogFilter, CatalogPage } from './scan-state.js';
import { runScript } from './run-script.js';

export interface CatalogSlice {
  /** Newest first, at most the limit asked for. */
  positions: CatalogPosition[];
  /** Whether more scans follow the last position. */
  more: boolean;
}

/** The places of up to `limit` scans of one catalog set after `after`, within the creation range. */
export async function readCatalogPositions(
  redis: Redis,
  key: string,
  limit: number,
  after: CatalogPosition | undefined,
  range: { fromMs?: number; toMs?: number } = {},
): Promise<CatalogSlice> {
  const flat = (await runScript(
    redis,

    CATALOG_PAGE,
    1,
    key,
    limit,
    after?.score ?? '',
    after?.scanId ?? '',
    range.fromMs ?? '-inf',
    range.toMs ?? '+inf',
  )) as string[];
  const positions: CatalogPosition[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    positions.push({ scanId: flat[i] ?? '', score: flat[i + 1] ?? '' });
  }
  return { positions: positions.slice(0, limit), more: positions.length > limit };
}

export async function readCatalogPage(
  redis: Redis,
  keys: RedisKeys,
  filter: CatalogFilter,
  limit: number,
  after?: CatalogPosition,
): Promise<CatalogPage> {
  const { createdFrom, createdTo, ...equal } = filter;
  const slice = await readCatalogPositions(redis, keys.catalog(equal), limit, after, {
    ...(createdFrom !== undefined ? { fromMs: Date.parse(createdFrom) } : {}),
    ...(createdTo !== undefined ? { toMs: Date.parse(createdTo) } : {}),
  });
  const pipeline = redis.pipeline();
  for (const { scanId } of slice.positions) pipeline.hgetall(keys.scan(scanId));
  const hashes = slice.positions.length > 0 ? ((await pipeline.exec()) ?? []) : [];
  const items: ScanState[] = [];
  for (const [error, hash] of hashes) {
    if (error !== null) throw error;
    // A scan deleted, or moved to another status, since its id was read is left out.
    const state = parseScanHash(hash as Record<string, string>);
    if (state !== undefined && matches(state, filter)) items.push(state);
  }
  const last = slice.positions.at(-1);
  return slice.more && last !== undefined
    ? { items, nextCursor: encodeCatalogCursor(last) }
    : { items };
}

function matches(state: ScanState, filter: CatalogFilter): boolean {
  return (
    (filter.beamline === undefined || state.beamline === filter.beamline) &&
    (filter.proposal === undefined || state.proposal === filter.proposal) &&
    (filter.technique === undefined || state.technique === filter.technique) &&
    (filter.status === undefined || state.status === filter.status)
  );
}
