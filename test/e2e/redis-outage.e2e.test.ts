import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { EmbeddedRedis } from '#libs/embedded-redis/src/embedded-redis.js';
import { deviceEventText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

describe('when Redis goes away', () => {
  let redis: EmbeddedRedis;
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    // This file stops its Redis, so it runs its own rather than the suite's.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assonant-redis-'));
    redis = await EmbeddedRedis.start({ dir, port: 0 });
    harness = await startHarness({ worker: false, env: { REDIS_URL: redis.url } });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => {
    await harness.close();
    await redis.stop();
  });

  it('answers 503 within 2 s, never hangs, and serves again once Redis is back', async () => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'outage', technique: 'CT' });
    const event = (n: number): string =>
      deviceEventText({ stage: 'sample_acquisition', moment: 'during', eventId: `outage-${n}` });
    await client.device(scanId, event(1));

    await redis.stop();
    const started = Date.now();
    const refused = await client.postJson(`/v1/scans/${scanId}/devices`, event(2));
    const elapsed = Date.now() - started;
    assertProblem(refused, 503);
    assert.ok(elapsed < 2000, `answered after ${elapsed} ms`);
    assert.ok(refused.headers['retry-after'] !== undefined);
    await request(harness.baseUrl).get('/health').expect(503);

    await redis.launch();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await client.postJson(`/v1/scans/${scanId}/devices`, event(2))).status;
      if (status === 202) break;
      assert.equal(status, 503, 'only 503 while reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 202);
    // The event accepted before the outage survived it (append-only file).
    assert.equal((await client.status(scanId)).counts.devices, 2);
    await request(harness.baseUrl).get('/health').expect(200);
  });
});
