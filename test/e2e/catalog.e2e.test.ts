/**
 * The scan catalog, GET /v1/scans: paging by its opaque cursor stays exact
 * while scans are opened, closed and deleted between and during page reads;
 * scans of one millisecond page in one order; a filtered page reads only its
 * own scans in Redis, however large the catalog; scans staged before the
 * filter sets are listed once the worker's backfill has run; a cursor the
 * catalog did not make is refused.
 */
import type { ScanMetadata, ScanStatus } from '#libs/model/src/scan/index.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import request from 'supertest';
import { CatalogBackfill, RedisKeys, ScanStore } from '#libs/staging/src/index.js';
import { startWriteWorker } from '../../apps/worker/src/write-worker.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import {
  commandsDuring,
  countByName,
  underPrefix,
  type SeenCommand,
} from '../helpers/redis-monitor.js';
import { ScanClient, type CatalogPageBody } from '../helpers/scan-client.js';

const MOGNO = { beamline: 'MOGNO', proposal: '20240123', technique: 'CT' } as const;

let proposals = 0;
/** A proposal no other test uses, so that its pages hold only that test's scans. */
function uniqueProposal(name: string): string {
  proposals += 1;
  return `${name}${Date.now()}n${proposals}`;
}

/** A scan as the gateway opens it, created at `createdMs`. */
function scanMeta(
  scanId: string,
  createdMs: number,
  fields: Partial<Omit<ScanMetadata, 'scanId' | 'createdAt'>> = {},
): ScanMetadata {
  return { scanId, ...MOGNO, ...fields, createdAt: new Date(createdMs).toISOString() };
}

/**
 * The catalog's order, worked out here on its own: newest first, and among
 * scans of one millisecond the scan id with the higher bytes first.
 */
function catalogOrder(a: ScanMetadata, b: ScanMetadata): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return byTime !== 0 ? byTime : Buffer.compare(Buffer.from(b.scanId), Buffer.from(a.scanId));
}

const idsOf = (pages: CatalogPageBody[]): string[] =>
  pages.flatMap((page) => page.items.map((item) => item.scanId));

function assertListedOnce(ids: string[]): void {
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'scans listed twice',
  );
}

describe('catalog paging', () => {
  let harness: Harness;
  let client: ScanClient;
  let redis: Redis;
  let store: ScanStore;

  before(async () => {
    harness = await startHarness({ worker: false });
    client = new ScanClient(harness.baseUrl);
    redis = new Redis(harness.config.redisUrl);
    store = new ScanStore(redis, harness.config.keyPrefix);
  });
  after(async () => {
    redis.disconnect();
    await harness.close();
  });

  const deleteScan = async (scanId: string): Promise<void> => {
    await request(harness.baseUrl).delete(`/v1/scans/${scanId}`).expect(204);
  };

  it('lists every scan there was at the start once while others are opened and deleted', async () => {
    const scan = { ...MOGNO, proposal: uniqueProposal('paging') };
    const query = { proposal: scan.proposal, limit: '3' };
    const existing: string[] = [];
    for (let i = 0; i < 14; i += 1) existing.push(await client.open(scan));
    const openedMeanwhile: string[] = [];
    const listed: CatalogPageBody['items'] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      // One open races the page read; another follows it, before the next page.
      const [page, racing] = await Promise.all([client.catalog(query, cursor), client.open(scan)]);
      openedMeanwhile.push(racing, await client.open(scan));
      pages += 1;
      listed.push(...page.items);
      // A scan already listed goes: no later scan may move up into its place.
      const first = page.items[0];
      if (first !== undefined) await deleteScan(first.scanId);
      cursor = page.nextCursor;
    } while (cursor !== undefined);

    const ids = listed.map((item) => item.scanId);
    assertListedOnce(ids);
    assert.deepEqual(
      existing.filter((id) => !ids.includes(id)),
      [],
      'scans there were at the start, never listed',
    );
    assert.deepEqual(
      ids.filter((id) => !existing.includes(id) && !openedMeanwhile.includes(id)),
      [],
    );
    assert.ok(pages >= 5, `${pages} pages`);
    const times = listed.map((item) => Date.parse(item.createdAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first across the pages',
    );
  });

  it("pages one status exactly while listed scans, the cursor's own among them, leave it", async () => {
    const scan = { ...MOGNO, proposal: uniqueProposal('leaving') };
    const opened: string[] = [];
    for (let i = 0; i < 11; i += 1) opened.push(await client.open(scan));
    const closed: string[] = [];
    // The last scan of each page (the one its cursor names) and the first leave `open`;
    // the one between stays, so a page that started again or a count from the front would show.
    const pages = await client.catalogPages(
      { proposal: scan.proposal, status: 'open', limit: '3' },
      async (page) => {
        const leaving = [page.items.at(-1), page.items.length > 1 ? page.items[0] : undefined];
        for (const item of leaving) {
          if (item === undefined) continue;
          await client.close(item.scanId);
          closed.push(item.scanId);
        }
      },
    );
    const listed = idsOf(pages);
    assertListedOnce(listed);
    assert.deepEqual([...listed].sort(), [...opened].sort());
    assert.equal(pages.length, 4);
    // Each is now under the status it has, in the order the pages gave.
    const underStatus = async (status: string): Promise<string[]> =>
      idsOf([await client.catalog({ proposal: scan.proposal, status })]);
    assert.deepEqual(
      await underStatus('closing'),
      listed.filter((id) => closed.includes(id)),
    );
    assert.deepEqual(
      await underStatus('open'),
      listed.filter((id) => !closed.includes(id)),
    );
    assert.ok(closed.length >= 7 && closed.length < listed.length, `${closed.length} closed`);
  });

  it('pages scans of one millisecond in one order, by scan id, across every page boundary', async () => {
    const proposal = uniqueProposal('ties');
    const tie = Date.parse('2026-03-01T12:00:00.123Z');
    // Ids that sort differently by bytes than by any locale: '-' < digits < upper < '_' < lower.
    const tied = ['tie-B', 'tie-a', 'tie-_', 'tie-0', 'tie-10', 'tie-9', 'tie-Z', 'tie--', 'TIE'];
    const scans = [
      ...tied.map((id) => scanMeta(id, tie, { proposal })),
      scanMeta('tie-older-1', tie - 1, { proposal }),
      scanMeta('tie-older-2', tie - 1, { proposal }),
      scanMeta('tie-newer', tie + 1, { proposal }),
    ];
    for (const meta of scans) assert.equal(await store.create(meta), true);
    const expected = [...scans].sort(catalogOrder);

    for (const limit of [1, 2, 3, 4, 5, 11, 12, 13]) {
      const pages = await client.catalogPages({ proposal, limit: String(limit) });
      assert.deepEqual(
        idsOf(pages),
        expected.map((meta) => meta.scanId),
        `limit ${limit}`,
      );
      assert.equal(pages.length, Math.ceil(expected.length / limit), `pages at limit ${limit}`);
      assert.deepEqual(
        pages.flatMap((page) => page.items.map((item) => item.createdAt)),
        expected.map((meta) => meta.createdAt),
      );
    }
  });

  it('goes on after a cursor whose scan was deleted, within a from/to range', async () => {
    const proposal = uniqueProposal('range');
    const tie = Date.parse('2026-04-01T09:30:00.500Z');
    const inRange = ['rng-a', 'rng-b', 'rng-c', 'rng-d', 'rng-e', 'rng-f', 'rng-g'].map((id) =>
      scanMeta(id, tie, { proposal }),
    );
    const outside = [
      scanMeta('rng-before', tie - 1, { proposal }),
      // `to` is exclusive: a scan created at it is outside.
      scanMeta('rng-at-to', tie + 1, { proposal }),
    ];
    for (const meta of [...inRange, ...outside]) assert.equal(await store.create(meta), true);
    const expected = [...inRange].sort(catalogOrder).map((meta) => meta.scanId);
    const query = {
      proposal,
      from: new Date(tie).toISOString(),
      to: new Date(tie + 1).toISOString(),
      limit: '3',
    };

    const first = await client.catalog(query);
    assert.deepEqual(idsOf([first]), expected.slice(0, 3));
    // The scan the cursor names is deleted before the next page is read.
    await deleteScan(expected[2] ?? '');
    const rest: string[] = [];
    for (let cursor = first.nextCursor; cursor !== undefined;) {
      const page = await client.catalog(query, cursor);
      rest.push(...idsOf([page]));
      cursor = page.nextCursor;
    }
    assert.deepEqual(rest, expected.slice(3));
  });

  it('reads only the scans of a filtered page in Redis, however many others it holds', async () => {
    const { keyPrefix, redisUrl } = harness.config;
    const keys = new RedisKeys(keyPrefix);
    const base = Date.parse('2026-05-01T00:00:00.000Z');
    // The few that match are the oldest: a walk newest first would meet every other scan first.
    const failed = [0, 1, 2, 3, 4].map((i) =>
      scanMeta(`fill-failed-${i}`, base + i, { beamline: 'CARNAUBA', proposal: 'fill' }),
    );
    const others = Array.from({ length: 2000 }, (_, i) =>
      // Half on another beamline; half on this one, open (only the status differs).
      i % 2 === 0
        ? scanMeta(`fill-other-${i}`, base + 10 + i, { beamline: 'CATERETE', proposal: 'fill' })
        : scanMeta(`fill-open-${i}`, base + 10 + i, { beamline: 'CARNAUBA', proposal: 'fill' }),
    );
    for (let i = 0; i < others.length; i += 500) {
      const created = await Promise.all(others.slice(i, i + 500).map((meta) => store.create(meta)));
      assert.ok(created.every(Boolean));
    }
    for (const meta of failed) {
      assert.equal(await store.create(meta), true);
      assert.equal(await store.beginClose(meta.scanId, new Date().toISOString()), 'closing');
      await store.markAttemptFailed(meta.scanId, 'disk full', true);
    }
    assert.ok((await redis.zcard(keys.catalog())) >= 2005);

    const limit = 3;
    const query = { beamline: 'CARNAUBA', status: 'failed', limit: String(limit) };
    const expected = [...failed].sort(catalogOrder).map((meta) => meta.scanId);
    const first = await commandsDuring(redisUrl, () => client.catalog(query));
    assert.deepEqual(idsOf([first.result]), expected.slice(0, limit));
    const second = await commandsDuring(redisUrl, () =>
      client.catalog(query, first.result.nextCursor),
    );
    assert.deepEqual(idsOf([second.result]), expected.slice(limit));
    assert.equal(second.result.nextCursor, undefined);
    for (const { commands } of [first, second]) {
      console.log(
        'DEBUG',
        underPrefix(commands, keyPrefix).length,
        JSON.stringify(countByName(underPrefix(commands, keyPrefix))),
        commands.length,
      );
      assertPageSized(underPrefix(commands, keyPrefix), limit);
    }

    // The measure sees a walk: the old way (every scan newest first, then filtered) fails it.
    const walk = await commandsDuring(redisUrl, async () => {
      const ids = await redis.zrevrange(keys.catalog(), 0, -1);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(keys.scan(id));
      await pipeline.exec();
    });
    assert.ok(hashReads(underPrefix(walk.commands, keyPrefix)) >= 2005);
    assert.throws(() => assertPageSized(underPrefix(walk.commands, keyPrefix), limit));
  });

  it('refuses a cursor the catalog did not make with a problem naming cursor', async () => {
    const proposal = uniqueProposal('cursor');
    for (let i = 0; i < 3; i += 1) await client.open({ ...MOGNO, proposal });
    const made = await client.catalog({ proposal, limit: '2' });
    assert.ok(made.nextCursor !== undefined);
    // The cursor it made is taken, and the next page follows from it.
    const next = await client.catalog({ proposal, limit: '2' }, made.nextCursor);
    assert.equal(next.items.length, 1);

    const encoded = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
    const refused = [
      '',
      '40', // an offset, as the catalog's cursors were before
      'not a cursor',
      `${made.nextCursor}=`,
      `${made.nextCursor}.`,
      encoded('1764690880123'),
      encoded('-5:scan-1'),
      encoded('1764690880123:two words'),
      encoded('1764690880123:a:b'),
      encoded(`1764690880123:${'a'.repeat(129)}`),
      encoded('01764690880123:scan-1'),
    ];
    for (const cursor of refused) {
      const response = await request(harness.baseUrl).get('/v1/scans').query({ cursor });
      // A query that breaks the rules of its data class: 400, naming the parameter.
      const problem = assertProblem(response, 400);
      assert.deepEqual(
        (problem.violations ?? []).map((violation) => violation.path),
        ['cursor'],
        `cursor ${JSON.stringify(cursor)}`,
      );
      assert.match(problem.violations?.[0]?.message ?? '', /cursor.*nextCursor/);
    }
  });

  it('refuses a from or to it cannot place on the timeline, and applies one it can', async () => {
    // Valid ISO 8601 all, which JavaScript's Date does not read: before, `from` was
    // dropped (every scan listed) and `to` failed the page.
    for (const value of ['2026-W01', '2026-123', '20261201T100000Z', '2026-12-01T10:00:00,5Z']) {
      for (const name of ['from', 'to']) {
        const response = await request(harness.baseUrl)
          .get('/v1/scans')
          .query({ [name]: value });
        const problem = assertProblem(response, 400);
        assert.deepEqual(
          (problem.violations ?? []).map((violation) => violation.path),
          [name],
          `${name}=${value}`,
        );
      }
    }
    const proposal = uniqueProposal('bounds');
    const day = Date.parse('2026-06-02T00:00:00.000Z');
    const scans = [
      scanMeta('bounds-before', day - 1, { proposal }),
      scanMeta('bounds-first', day, { proposal }),
      scanMeta('bounds-noon', day + 12 * 3_600_000, { proposal }),
      scanMeta('bounds-next-day', day + 24 * 3_600_000, { proposal }),
    ];
    for (const meta of scans) assert.equal(await store.create(meta), true);
    const listed = async (range: Record<string, string>): Promise<string[]> =>
      idsOf([await client.catalog({ proposal, ...range })]);
    assert.deepEqual(await listed({ from: '2026-06-02', to: '2026-06-03' }), [
      'bounds-noon',
      'bounds-first',
    ]);
    assert.deepEqual(await listed({ from: '2026-06-02T09:00:00-03:00' }), [
      'bounds-next-day',
      'bounds-noon',
    ]);
    assert.deepEqual(await listed({ to: '2026-06-02T00:00:00.001Z' }), [
      'bounds-first',
      'bounds-before',
    ]);
  });
});

const HASH_READS = new Set(['hgetall', 'hmget', 'hget', 'hkeys', 'hvals', 'hscan', 'hexists']);
const WALKS = new Set(['scan', 'keys', 'zscan', 'sscan', 'hscan', 'sort', 'sort_ro']);
const SET_ALGEBRA = /^(z|s)(inter|union|diff)(store|card)?$/;
/** Sorted-set reads by rank: start and stop are the first two arguments after the key. */
const RANGE_BY_RANK = new Set(['zrange', 'zrevrange']);

function hashReads(commands: SeenCommand[]): number {
  return commands.filter((command) => HASH_READS.has(command.name)).length;
}

/**
 * What one page of `limit` may cost in Redis: a hash read per scan of the
 * page and two more; no walk, no set algebra, no range read of more than the
 * page and the one after it; a few dozen commands in all.
 */
function assertPageSized(commands: SeenCommand[], limit: number): void {
  const counts = JSON.stringify(countByName(commands));
  assert.ok(hashReads(commands) <= limit + 2, `hash reads: ${counts}`);
  assert.deepEqual(
    commands.filter(({ name }) => WALKS.has(name) || SET_ALGEBRA.test(name)),
    [],
    counts,
  );
  for (const { name, args } of commands.filter(({ name }) => RANGE_BY_RANK.has(name))) {
    const [start, stop] = [Number(args[1]), Number(args[2])];
    assert.ok(stop >= start && stop - start + 1 <= limit + 1, `${name} ${args.join(' ')}`);
  }
  assert.ok(commands.length <= 4 * limit + 30, `${commands.length} commands: ${counts}`);
}

describe('catalog backfill of scans staged before the filter sets', () => {
  let harness: Harness;
  let client: ScanClient;
  let redis: Redis;
  let store: ScanStore;
  let keys: RedisKeys;

  before(async () => {
    // The worker is started by the test itself: its start runs the backfill.
    harness = await startHarness({ worker: false });
    client = new ScanClient(harness.baseUrl);
    redis = new Redis(harness.config.redisUrl);
    store = new ScanStore(redis, harness.config.keyPrefix);
    keys = new RedisKeys(harness.config.keyPrefix);
  });
  after(async () => {
    redis.disconnect();
    await harness.close();
  });

  /** Every catalog sorted set of this test's prefix, with its members and scores. */
  async function catalogSets(): Promise<Record<string, string[]>> {
    const sets: Record<string, string[]> = {};
    const found = await redis.keys(`${keys.catalog()}*`);
    for (const key of found.sort()) {
      if ((await redis.type(key)) === 'zset')
        sets[key] = await redis.zrange(key, '0', '-1', 'WITHSCORES');
    }
    return sets;
  }

  /**
   * Leaves the catalog as the first version kept it: the whole catalog and
   * one set per beamline and per proposal, no index version.
   */
  async function keepFirstCatalogOnly(): Promise<void> {
    const first = new RegExp(`^${keys.catalog()}(:(beamline|proposal):[^:]+)?$`);
    for (const key of Object.keys(await catalogSets())) {
      if (!first.test(key)) await redis.del(key);
    }
    await redis.del(keys.catalogIndexVersion());
  }

  it('lists older scans under every filter once the worker has run it; again is harmless', async () => {
    // An hour ago: older data, but not so old that the worker's sweep ends the open scans.
    const base = Date.now() - 3_600_000;
    const manaca = { beamline: 'MANACA', technique: 'MX' } as const;
    const scans = [
      scanMeta('old-open-1', base + 1, { proposal: 'p100' }),
      scanMeta('old-open-2', base + 2, { ...manaca, proposal: 'p100' }),
      scanMeta('old-closing', base + 3, { proposal: 'p200' }),
      scanMeta('old-failed', base + 3, { proposal: 'p100' }),
      scanMeta('old-written', base + 4, { ...manaca, proposal: 'p200' }),
      scanMeta('old-deleted', base + 5, { proposal: 'p100' }),
    ];
    for (const meta of scans) assert.equal(await store.create(meta), true);
    await keepFirstCatalogOnly();
    // What happens to them before the backfill runs, under the current code.
    await store.beginClose('old-closing', new Date().toISOString());
    await store.beginClose('old-failed', new Date().toISOString());
    await store.markAttemptFailed('old-failed', 'disk full', true);
    await store.beginClose('old-written', new Date().toISOString());
    const file = { path: '/data/old-written.nxs', size: 1, sha256: '0'.repeat(64) };
    const validation = { definition: null, errors: 0, warnings: 0, findings: [] };
    await store.markWritten(
      'old-written',
      { file, warnings: [], validation },
      new Date().toISOString(),
    );
    const deleted = scans[5];
    assert.ok(deleted);
    assert.equal(await store.delete(deleted), 'deleted');
    const statuses: Record<string, ScanStatus> = {
      'old-open-1': 'open',
      'old-open-2': 'open',
      'old-closing': 'closing',
      'old-failed': 'failed',
      'old-written': 'written',
    };
    const kept = scans.filter((meta) => statuses[meta.scanId] !== undefined);
    // Without the backfill the filter sets do not hold them.
    assert.deepEqual((await client.catalog({ beamline: 'MOGNO', proposal: 'p100' })).items, []);
    assert.deepEqual((await client.catalog({ technique: 'MX' })).items, []);
    assert.deepEqual((await client.catalog({ status: 'open' })).items, []);

    const worker = await startWriteWorker(harness.config, (level, msg) => {
      if (level !== 'info') process.stderr.write(`worker: ${msg}\n`);
    });
    try {
      await waitForIndexVersion(redis, keys);
    } finally {
      await worker.close();
    }
    await assertEveryFilterLists(kept, statuses);

    const indexed = await catalogSets();
    assert.equal(await new CatalogBackfill(redis, harness.config.keyPrefix).run(), 0);
    // Run again in full, by two workers at once: every scan indexed again, nothing moved.
    await redis.del(keys.catalogIndexVersion());
    const twice = await Promise.all([
      new CatalogBackfill(redis, harness.config.keyPrefix).run(),
      new CatalogBackfill(redis, harness.config.keyPrefix).run(),
    ]);
    assert.deepEqual(twice, [kept.length, kept.length]);
    assert.deepEqual(await catalogSets(), indexed);
    await assertEveryFilterLists(kept, statuses);
  });

  /**
   * Pages every filter combination of the scans' own values, two at a time,
   * against the scans that have them, in the catalog's order.
   */
  async function assertEveryFilterLists(
    scans: ScanMetadata[],
    statuses: Record<string, ScanStatus>,
  ): Promise<void> {
    const fields = ['beamline', 'proposal', 'technique', 'status'] as const;
    type Filter = Partial<Record<(typeof fields)[number], string>>;
    const valueOf = (meta: ScanMetadata, field: (typeof fields)[number]): string =>
      field === 'status' ? (statuses[meta.scanId] ?? '') : meta[field];
    const has = (meta: ScanMetadata, filter: Filter): boolean =>
      fields.every(
        (field) => filter[field] === undefined || filter[field] === valueOf(meta, field),
      );
    const filters = new Map<string, Filter>([['{}', {}]]);
    for (const meta of scans) {
      for (let mask = 1; mask < 2 ** fields.length; mask += 1) {
        const filter: Filter = {};
        for (const [bit, field] of fields.entries()) {
          if ((mask & (1 << bit)) !== 0) filter[field] = valueOf(meta, field);
        }
        filters.set(JSON.stringify(filter), filter);
      }
    }
    for (const filter of filters.values()) {
      const expected = scans
        .filter((meta) => has(meta, filter))
        .sort(catalogOrder)
        .map((meta) => meta.scanId);
      const pages = await client.catalogPages({ ...filter, limit: '2' });
      assert.deepEqual(idsOf(pages), expected, JSON.stringify(filter));
    }
  }
});

/** Waits for the backfill to record that the catalog is indexed (15 s at the most). */
async function waitForIndexVersion(redis: Redis, keys: RedisKeys): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if ((await redis.get(keys.catalogIndexVersion())) !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the worker did not backfill the catalog');
}
