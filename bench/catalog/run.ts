/**
 * Catalog benchmark: one filtered page (beamline=MOGNO&status=failed) of a
 * catalog of 50,000 scans, read A) as the gateway reads it, from the sorted
 * set of the filter's combination after the cursor (ScanStore.list), and B)
 * the old way, re-implemented here as the baseline: every scan's hash read
 * newest first, filtered, then sliced at an offset. Rounds alternate A B A B
 * on the same Redis; then 10 clients query at once while a separate process
 * PINGs Redis, for how long others wait on it meanwhile. Run:
 * `npm run bench:catalog` (BENCH_SCANS, BENCH_ROUNDS to change the size).
 */
import { median, ms, quantile } from '../support/stats.js';
import type { ScanMetadata, ScanState } from '#libs/model/src/scan/index.js';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { EmbeddedRedis } from '#libs/embedded-redis/src/embedded-redis.js';
import {
  decodeCatalogCursor,
  RedisKeys,
  ScanStore,
  type CatalogFilter,
  type CatalogPosition,
} from '#libs/staging/src/index.js';
import { parseScanHash } from '#libs/staging/src/scan-hash.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCANS = Number(process.env.BENCH_SCANS ?? '50000');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '15');
/** One scan in this many is a failed MOGNO scan: the few the filter matches. */
const MATCH_EVERY = 1000;
const LIMIT = 20;
const CLIENTS = 10;
/** Queries each of the concurrent clients makes, one after another. */
const QUERIES_PER_CLIENT = 3;
const PREFIX = 'bench';
const FILTER: CatalogFilter = { beamline: 'MOGNO', status: 'failed' };
const OTHER_BEAMLINES = ['CATERETE', 'CARNAUBA', 'MANACA', 'IPE', 'EMA', 'PAINEIRA', 'SAPUCAIA'];

type PageRead = (redis: Redis) => Promise<string[]>;

/** Most scans open on other beamlines, a tenth MOGNO and open, one in MATCH_EVERY MOGNO and failed. */
async function fill(store: ScanStore): Promise<number> {
  const start = Date.now() - SCANS * 1000;
  const metaOf = (i: number): ScanMetadata => ({
    scanId: `bench-${i}`,
    beamline:
      i % MATCH_EVERY === 0 || i % 10 === 1
        ? 'MOGNO'
        : (OTHER_BEAMLINES[i % OTHER_BEAMLINES.length] ?? 'EMA'),
    proposal: `p${i % 200}`,
    technique: 'CT',
    createdAt: new Date(start + i * 1000).toISOString(),
  });
  for (let i = 0; i < SCANS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, SCANS - i) }, (_, j) => metaOf(i + j));
    await Promise.all(batch.map((meta) => store.create(meta)));
  }
  let failed = 0;
  for (let i = 0; i < SCANS; i += MATCH_EVERY) {
    await store.beginClose(`bench-${i}`, new Date().toISOString());
    await store.markAttemptFailed(`bench-${i}`, 'disk full', true);
    failed += 1;
  }
  return failed;
}

/** A: the gateway's page read, after the cursor of the page before. */
function indexedPage(after: CatalogPosition | undefined): PageRead {
  return async (redis) => {
    const page = await new ScanStore(redis, PREFIX).list(FILTER, LIMIT, after);
    return page.items.map((item) => item.scanId);
  };
}

/** B: the baseline, every scan's hash newest first, filtered, sliced at `offset`. */
function walkedPage(offset: number): PageRead {
  const keys = new RedisKeys(PREFIX);
  return async (redis) => {
    const ids = await redis.zrevrange(keys.catalog(), 0, -1);
    const matching: ScanState[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const pipeline = redis.pipeline();
      for (const id of ids.slice(i, i + 1000)) pipeline.hgetall(keys.scan(id));
      for (const [error, hash] of (await pipeline.exec()) ?? []) {
        if (error !== null) throw error;
        const state = parseScanHash(hash as Record<string, string>);
        if (state !== undefined && matches(state)) {
          matching.push(state);
        }
      }
    }
    return matching.slice(offset, offset + LIMIT).map((state) => state.scanId);
  };
}

function matches(state: ScanState): boolean {
  return state.beamline === FILTER.beamline && state.status === FILTER.status;
}

async function timed(read: PageRead, redis: Redis): Promise<number> {
  const start = performance.now();
  await read(redis);
  return performance.now() - start;
}

const highest = (values: number[]): number => values.reduce((a, b) => Math.max(a, b), -Infinity);
const lowest = (values: number[]): number => values.reduce((a, b) => Math.min(a, b), Infinity);

/** PING round trips from another process while `load` runs (or, without load, for 200 ms). */
async function pingsDuring(redisUrl: string, load: () => Promise<void>): Promise<number[]> {
  const pinger = fork(path.join(root, 'dist/bench/catalog/pinger.js'), [redisUrl]);
  await once(pinger, 'message'); // ready
  await load();
  const stopped = once(pinger, 'message');
  pinger.send('stop');
  const [{ samples }] = (await stopped) as [{ samples: number[] }];
  return samples;
}

/** CLIENTS connections, each making QUERIES_PER_CLIENT page reads one after another. */
async function concurrently(redisUrl: string, read: PageRead): Promise<number> {
  const clients = Array.from({ length: CLIENTS }, () => new Redis(redisUrl));
  try {
    await Promise.all(clients.map((client) => client.ping()));
    const start = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let q = 0; q < QUERIES_PER_CLIENT; q += 1) await read(client);
      }),
    );
    return performance.now() - start;
  } finally {
    for (const client of clients) client.disconnect();
  }
}

async function main(): Promise<void> {
  const redisDir = path.join(root, 'var/bench/catalog-redis');
  // Each run starts from an empty Redis: an old append-only file would slow its start.
  await rm(redisDir, { recursive: true, force: true });
  const server = await EmbeddedRedis.start({ dir: redisDir, port: 0, appendfsync: 'everysec' });
  const redis = new Redis(server.url);
  try {
    const filling = performance.now();
    const failed = await fill(new ScanStore(redis, PREFIX));
    const filledS = (performance.now() - filling) / 1000;
    const version = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';

    // The second page (the first, if it is the last): A after the cursor of the first, B at offset LIMIT.
    const first = await new ScanStore(redis, PREFIX).list(FILTER, LIMIT);
    const cursor =
      first.nextCursor !== undefined ? decodeCatalogCursor(first.nextCursor) : undefined;
    const a = indexedPage(cursor);
    const b = walkedPage(cursor !== undefined ? LIMIT : 0);
    const [pageA, pageB] = [await a(redis), await b(redis)];
    if (pageA.length === 0 || JSON.stringify(pageA) !== JSON.stringify(pageB)) {
      throw new Error(`A and B disagree: ${pageA.join(',')} / ${pageB.join(',')}`);
    }

    const timesA: number[] = [];
    const timesB: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      timesA.push(await timed(a, redis));
      timesB.push(await timed(b, redis));
    }
    const ratios = timesA.map((t, i) => (timesB[i] ?? NaN) / t);

    const idle = await pingsDuring(server.url, () => new Promise((r) => setTimeout(r, 200)));
    let wallA = 0;
    let wallB = 0;
    const pingA = await pingsDuring(server.url, async () => {
      wallA = await concurrently(server.url, a);
    });
    const pingB = await pingsDuring(server.url, async () => {
      wallB = await concurrently(server.url, b);
    });

    const queries = CLIENTS * QUERIES_PER_CLIENT;
    const row = (label: string, cells: string[]): string =>
      `${label.padEnd(42)}${cells.map((cell) => cell.padStart(20)).join('')}`;
    const pings = (samples: number[]): string =>
      `${ms(median(samples))} / ${ms(quantile(samples, 0.99))} / ${ms(highest(samples))}`;
    const lines = [
      `catalog benchmark: ${SCANS} scans, ${failed} match beamline=MOGNO&status=failed; ` +
        `page ${cursor !== undefined ? 2 : 1} of limit ${LIMIT}; Redis ${version}; filled in ${filledS.toFixed(1)} s`,
      'A = indexed page (ScanStore.list, as the gateway)   B = walk every scan hash, filter, offset',
      '',
      row('', ['A indexed', 'B walk', 'B / A']),
      row(`page read, median of ${ROUNDS} rounds (ms)`, [
        ms(median(timesA)),
        ms(median(timesB)),
        `${median(ratios).toFixed(0)}x`,
      ]),
      row('page read, min .. max (ms)', [
        `${ms(lowest(timesA))}..${ms(highest(timesA))}`,
        `${ms(lowest(timesB))}..${ms(highest(timesB))}`,
        '',
      ]),
      row(`${CLIENTS} clients x ${QUERIES_PER_CLIENT} queries, wall (ms)`, [
        ms(wallA),
        ms(wallB),
        `${(wallB / wallA).toFixed(0)}x`,
      ]),
      row('PING meanwhile, median / p99 / max (ms)', [pings(pingA), pings(pingB), '']),
      row('PING meanwhile, samples', [String(pingA.length), String(pingB.length), '']),
      row('PING idle, median / p99 / max (ms)', [pings(idle), '', '']),
      '',
      `${queries} queries each way; PING from a separate process, one at a time.`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

await main();
