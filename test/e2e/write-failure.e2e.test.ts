/**
 * A write that cannot succeed (here DATA_ROOT cannot hold directories) is
 * retried, then the scan is `failed` with the reason; nothing is left at the
 * final path.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { WRITE_QUEUE, writeScanJobId } from '#libs/queue-contracts/src/index.js';
import { ScanStore } from '#libs/staging/src/index.js';
import { deviceEventText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

describe('a write that keeps failing', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    const blocker = path.join(await mkdtemp(path.join(os.tmpdir(), 'assonant-')), 'not-a-dir');
    await writeFile(blocker, 'a file where the data directory should be');
    harness = await startHarness({ env: { DATA_ROOT: blocker, WRITE_ATTEMPTS: '2' } });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  it('is retried, then the scan is failed with the reason', async () => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'p1', technique: 'CT' });
    await client.device(scanId, deviceEventText({ stage: 'sample_acquisition', moment: 'start' }));
    await client.close(scanId);
    const status = await client.waitSettled(scanId);
    assert.equal(status.status, 'failed');
    assert.match(status.error ?? '', /ENOTDIR|not a directory/i);
    assert.equal(status.file, undefined);
  });
});

describe('staged data that cannot make a file', () => {
  let harness: Harness;
  let client: ScanClient;
  let redis: Redis;

  before(async () => {
    harness = await startHarness({ env: { WRITE_ATTEMPTS: '5' } });
    client = new ScanClient(harness.baseUrl);
    redis = new Redis(harness.config.redisUrl);
  });
  after(async () => {
    redis.disconnect();
    await harness.close();
  });

  it('fails at once, without retries, with the reason in the status', async () => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'p1', technique: 'CT' });
    // Staged by something other than the gateway, so never validated: not even JSON.
    const store = new ScanStore(redis, harness.config.keyPrefix);
    assert.equal(await store.stage(scanId, 'devices', 'corrupt-1', '{"stage": '), 'stored');
    await client.close(scanId);
    const status = await client.waitSettled(scanId);
    assert.equal(status.status, 'failed');
    assert.match(status.error ?? '', /staged event corrupt-1 is not valid JSON/);
    const queue = new Queue(WRITE_QUEUE, { connection: redis, prefix: harness.config.keyPrefix });
    const job = await queue.getJob(writeScanJobId(scanId));
    assert.equal(job?.attemptsMade, 1, 'one attempt: bad data is not retried');
    await queue.close();
  });
});
