/**
 * The staging script's answers and charges, against the suite's real Redis:
 * an id is taken once per scan by either kind, the beamline's budget is the
 * scan's own, and a scan recorded by an earlier release (its beamline in the
 * metadata only) is charged to the same budget.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { ScanMetadata } from '#libs/model/src/scan/index.js';
import { RedisKeys, ScanStore } from '../src/index.js';

const redisUrl = process.env.REDIS_URL;

describe('staging an event', () => {
  const prefix = `test-stage-${randomBytes(6).toString('hex')}`;
  const keys = new RedisKeys(prefix);
  let redis: Redis;
  let n = 0;
  const scan = (beamline: string): ScanMetadata => ({
    scanId: `stage-${(n += 1)}`,
    beamline,
    proposal: 'p1',
    technique: 'CT',
    createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
  });

  before(() => {
    assert.ok(
      redisUrl,
      'REDIS_URL is not set: run the tests with `npm test`, which starts a Redis',
    );
    redis = new Redis(redisUrl);
  });
  after(() => redis.disconnect());

  it('takes an id once, by either kind; the same text again is a duplicate', async () => {
    const store = new ScanStore(redis, prefix);
    const meta = scan('MOGNO');
    assert.equal(await store.create(meta), true);
    assert.equal(await store.stage(meta.scanId, 'entries', 'e1', '{"a":1}'), 'stored');
    assert.equal(await store.stage(meta.scanId, 'entries', 'e1', '{"a":1}'), 'duplicate');
    assert.equal(await store.stage(meta.scanId, 'entries', 'e1', '{ "a" : 1 }'), 'duplicate');
    assert.equal(await store.stage(meta.scanId, 'entries', 'e1', '{"a":1.0}'), 'conflict');
    assert.equal(await store.stage(meta.scanId, 'devices', 'e1', '{"a":1}'), 'conflict');
    assert.equal(await store.stage('no-such-scan', 'devices', 'e1', '{"a":1}'), 'unknown');
    const state = await store.get(meta.scanId);
    assert.deepEqual(state?.counts, { entries: 1, devices: 0 });
  });

  it("charges the scan's beamline, read from its record or from earlier releases' metadata", async () => {
    const store = new ScanStore(redis, prefix, { total: 1 << 30, perBeamline: 10 });
    const current = scan('MANACA');
    const earlier = scan('MANACA');
    await store.create(current);
    await store.create(earlier);
    // What a scan recorded before the beamline was kept apart looks like.
    await redis.hdel(keys.scan(earlier.scanId), 'beamline');
    assert.equal(await store.stage(current.scanId, 'devices', 'd1', '"12345"'), 'stored');
    assert.equal(await store.stagedBytes('MANACA'), 7);
    assert.equal(await store.stage(earlier.scanId, 'devices', 'd1', '"1"'), 'stored');
    assert.equal(await store.stagedBytes('MANACA'), 10);
    assert.equal(await store.stage(earlier.scanId, 'devices', 'd2', '1'), 'beamline-full');
    assert.equal(await store.stage(current.scanId, 'devices', 'd2', '1'), 'beamline-full');
  });
});
