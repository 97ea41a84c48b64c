/**
 * The store's scripts on a connection that pipelines what is issued in one
 * tick (the gateway's): many scans opened, staged and read at once, each call
 * answered with its own outcome. Against the suite's real Redis.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { ScanMetadata } from '#libs/model/src/scan/index.js';
import { ScanStore } from '../src/index.js';

const redisUrl = process.env.REDIS_URL;

describe('staging scripts on an auto-pipelining connection', () => {
  let redis: Redis;
  before(() => {
    assert.ok(
      redisUrl,
      'REDIS_URL is not set: run the tests with `npm test`, which starts a Redis',
    );
    redis = new Redis(redisUrl, { enableAutoPipelining: true });
  });
  after(() => redis.disconnect());

  it('answers every call of a burst with its own outcome, from the first command on', async () => {
    const store = new ScanStore(redis, `test-pipelined-${randomBytes(6).toString('hex')}`);
    const scans: ScanMetadata[] = Array.from({ length: 40 }, (_, i) => ({
      scanId: `burst-${i}`,
      beamline: i % 2 === 0 ? 'MOGNO' : 'MANACA',
      proposal: `p${i}`,
      technique: 'CT',
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    }));
    // All in one tick, after a plain command: the first scripts ever run on this
    // connection join a pipeline that the plain command began.
    const [pong, ...created] = await Promise.all([
      redis.ping(),
      ...scans.map((scan) => store.create(scan)),
    ]);
    assert.equal(pong, 'PONG');
    assert.deepEqual(
      created,
      scans.map(() => true),
    );
    const staged = await Promise.all([
      ...scans.map((scan) => store.stage(scan.scanId, 'entries', 'e1', `{"n":"${scan.scanId}"}`)),
      store.stage('no-such-scan', 'entries', 'e1', '{}'),
      ...scans.map((scan) => store.stage(scan.scanId, 'entries', 'e1', '{"other":1}')),
    ]);
    assert.deepEqual(staged, [
      ...scans.map(() => 'stored'),
      'unknown',
      ...scans.map(() => 'conflict'),
    ]);
    const read = await Promise.all(scans.map((scan) => store.get(scan.scanId)));
    assert.deepEqual(
      read.map((scan) => [scan?.scanId, scan?.proposal, scan?.counts.entries]),
      scans.map((scan) => [scan.scanId, scan.proposal, 1]),
    );
  });
});
