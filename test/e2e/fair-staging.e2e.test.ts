/**
 * Fair, bounded staging (finding 6 of issue 7): a beamline at its own budget
 * gets 429 while others go on; a scan left open is ended by the worker's
 * sweep; an admin deletes a scan (freeing its bytes and file) or retries a
 * failed one.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import request from 'supertest';
import { OpenScans, RedisKeys, ScanStore } from '#libs/staging/src/index.js';
import { deviceEventText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient, type ScanStatusBody } from '../helpers/scan-client.js';

const MOGNO = { beamline: 'MOGNO', proposal: 'fair', technique: 'CT' };
const MANACA = { beamline: 'MANACA', proposal: 'fair', technique: 'MX' };
const event = (n: number): string =>
  deviceEventText({ stage: 'sample_acquisition', moment: 'during', eventId: `fair-${n}` });

/** Polls the status until `done` holds. */
async function waitFor(
  client: ScanClient,
  scanId: string,
  done: (status: ScanStatusBody) => boolean,
  timeoutMs = 15_000,
): Promise<ScanStatusBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await client.status(scanId);
    if (done(status)) return status;
    assert.ok(Date.now() < deadline, `scan ${scanId} still ${status.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('per-beamline budget, delete', () => {
  let harness: Harness;
  let client: ScanClient;
  let redis: Redis;
  let store: ScanStore;

  before(async () => {
    // Room for a few device events (~0.7 KB each) per beamline, and for all beamlines at once.
    harness = await startHarness({
      env: { STAGING_LIMIT_BYTES: '65536', STAGING_LIMIT_PER_BEAMLINE_BYTES: '3072' },
    });
    client = new ScanClient(harness.baseUrl);
    redis = new Redis(harness.config.redisUrl);
    store = new ScanStore(redis, harness.config.keyPrefix);
  });
  after(async () => {
    redis.disconnect();
    await harness.close();
  });

  it('answers MOGNO 429 at its budget while MANACA still gets 202; delete frees the bytes', async () => {
    const mogno = await client.open(MOGNO);
    let refused: request.Response | undefined;
    for (let n = 0; n < 20 && refused === undefined; n += 1) {
      const response = await client.postJson(`/v1/scans/${mogno}/devices`, event(n));
      if (response.status !== 202) refused = response;
    }
    assert.ok(refused !== undefined, 'MOGNO was never refused');
    const problem = assertProblem(refused, 429);
    assert.equal(problem.type, 'urn:assonant-gateway:problem:beamline-staging-full');
    assert.match(problem.detail, /STAGING_LIMIT_PER_BEAMLINE_BYTES/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.ok((await store.stagedBytes('MOGNO')) > 2048);

    const manaca = await client.open(MANACA);
    await client.device(manaca, event(1));

    await request(harness.baseUrl).delete(`/v1/scans/${mogno}`).expect(204);
    assert.equal(await store.stagedBytes('MOGNO'), 0);
    assert.equal(await store.stagedBytes(), await store.stagedBytes('MANACA'));
    assertProblem(await request(harness.baseUrl).get(`/v1/scans/${mogno}`), 404);
    const next = await client.open(MOGNO);
    await client.device(next, event(100));
  });

  it('deletes a written scan with its file; the id can then be opened on another beamline', async () => {
    const scanId = await client.open({ ...MOGNO, scanId: `fair-del-${Date.now()}` });
    await client.device(scanId, event(1));
    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    const file = written.file?.path ?? '';
    await stat(file);
    await request(harness.baseUrl).delete(`/v1/scans/${scanId}`).expect(204);
    await assert.rejects(stat(file), { code: 'ENOENT' });
    const listed = await request(harness.baseUrl).get('/v1/scans').query({ beamline: 'MOGNO' });
    assert.ok(
      !(listed.body as { items: { scanId: string }[] }).items.some((s) => s.scanId === scanId),
    );
    assertProblem(await request(harness.baseUrl).delete(`/v1/scans/${scanId}`), 404);
    await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...MANACA, scanId })
      .expect(201);
  });

  it('answers a clear 409, deleting nothing, when the file cannot be removed', async () => {
    const scanId = await client.open(MOGNO);
    await client.device(scanId, event(1));
    await client.close(scanId);
    const file = (await client.waitWritten(scanId)).file?.path ?? '';
    // A directory where the file was: removing it fails, and not with ENOENT.
    await rm(file);
    await mkdir(path.join(file, 'inside'), { recursive: true });
    const problem = assertProblem(
      await request(harness.baseUrl).delete(`/v1/scans/${scanId}`),
      409,
    );
    assert.equal(problem.type, 'urn:assonant-gateway:problem:file-not-deletable');
    assert.match(problem.detail, /could not be removed .*nothing was deleted/);
    assert.equal((await client.status(scanId)).status, 'written');
    await rm(file, { recursive: true });
    await request(harness.baseUrl).delete(`/v1/scans/${scanId}`).expect(204);
  });

  it('refuses retry of a scan that has not failed (409), and of an unknown one (404)', async () => {
    const scanId = await client.open(MOGNO);
    assertProblem(await request(harness.baseUrl).post(`/v1/scans/${scanId}/retry`), 409);
    assertProblem(await request(harness.baseUrl).post('/v1/scans/no-such-scan/retry'), 404);
  });
});

describe('delete while writing', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    harness = await startHarness({ worker: false });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  it('answers 409 while the scan is closing', async () => {
    const scanId = await client.open(MOGNO);
    await client.close(scanId);
    const problem = assertProblem(
      await request(harness.baseUrl).delete(`/v1/scans/${scanId}`),
      409,
    );
    assert.equal(problem.type, 'urn:assonant-gateway:problem:scan-busy');
    assert.equal((await client.status(scanId)).status, 'closing');
  });
});

describe('retry of a failed scan', () => {
  let harness: Harness;
  let client: ScanClient;
  let dataRoot: string;

  before(async () => {
    dataRoot = path.join(await mkdtemp(path.join(os.tmpdir(), 'assonant-')), 'data');
    await writeFile(dataRoot, 'a file where the data directory should be');
    harness = await startHarness({ env: { DATA_ROOT: dataRoot, WRITE_ATTEMPTS: '1' } });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  it('writes the scan once the cause is fixed', async () => {
    const scanId = await client.open(MOGNO);
    await client.device(scanId, event(1));
    await client.close(scanId);
    assert.equal((await client.waitSettled(scanId)).status, 'failed');

    await rm(dataRoot);
    await mkdir(dataRoot);
    const retried = await request(harness.baseUrl).post(`/v1/scans/${scanId}/retry`).expect(202);
    assert.equal((retried.body as { status: string }).status, 'closing');
    const written = await client.waitWritten(scanId);
    assert.equal(written.counts.devices, 1);
    await stat(written.file?.path ?? '');
    assertProblem(await request(harness.baseUrl).post(`/v1/scans/${scanId}/retry`), 409);
  });
});

describe('open scans expire', () => {
  let closing: Harness;
  let expiring: Harness;

  before(async () => {
    const sweep = { OPEN_SCAN_MAX_AGE_S: '2', OPEN_SCAN_SWEEP_INTERVAL_MS: '200' };
    closing = await startHarness({ env: { ...sweep, OPEN_SCAN_EXPIRY: 'close' } });
    expiring = await startHarness({ env: { ...sweep, OPEN_SCAN_EXPIRY: 'expire' } });
  });
  after(async () => {
    await closing.close();
    await expiring.close();
  });

  it('closes a never-closed scan and writes it, with a warning saying so (close)', async () => {
    const client = new ScanClient(closing.baseUrl);
    const scanId = await client.open(MOGNO);
    await client.device(scanId, event(1));
    const written = await waitFor(client, scanId, (s) => s.status === 'written');
    assert.equal(written.counts.devices, 1);
    assert.match(written.warnings[0] ?? '', /closed by expiry.*OPEN_SCAN_MAX_AGE_S/);
  });

  it('marks a never-closed scan expired with the reason, its bytes freed (expire)', async () => {
    const client = new ScanClient(expiring.baseUrl);
    const redis = new Redis(expiring.config.redisUrl);
    const store = new ScanStore(redis, expiring.config.keyPrefix);
    try {
      const scanId = await client.open(MOGNO);
      await client.device(scanId, event(1));
      await request(expiring.baseUrl)
        .post(`/v1/scans/${scanId}/arrays`)
        .set('content-type', 'application/octet-stream')
        .set('X-Array-Dtype', 'uint8')
        .set('X-Array-Shape', '8')
        .send(Buffer.alloc(8))
        .expect(201);
      const arrays = path.join(expiring.config.arraySpoolDir, scanId);
      assert.equal((await readdir(arrays)).length, 1);
      assert.ok((await store.stagedBytes('MOGNO')) > 0);
      const expired = (await waitFor(
        client,
        scanId,
        (s) => s.status === 'expired',
      )) as ScanStatusBody & {
        expiredAt?: string;
        reason?: string;
      };
      assert.match(expired.reason ?? '', /open longer than OPEN_SCAN_MAX_AGE_S/);
      assert.ok(Date.parse(expired.expiredAt ?? '') > 0);
      assert.equal(await store.stagedBytes('MOGNO'), 0);
      assert.equal(await store.stagedBytes(), 0);
      // The sweep removes them just after it marks the scan expired.
      for (let tries = 0; tries < 100 && (await readdir(arrays).catch(() => undefined)); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await assert.rejects(readdir(arrays), { code: 'ENOENT' }, 'its uploaded arrays went too');
      assertProblem(await client.postJson(`/v1/scans/${scanId}/devices`, event(2)), 409);
    } finally {
      redis.disconnect();
    }
  });

  it('expires a scan opened before open scans were tracked, never taking a budget below zero', async () => {
    const client = new ScanClient(expiring.baseUrl);
    const redis = new Redis(expiring.config.redisUrl);
    const keys = new RedisKeys(expiring.config.keyPrefix);
    const store = new ScanStore(redis, expiring.config.keyPrefix);
    try {
      const scanId = await client.open(MOGNO);
      await client.device(scanId, event(1));
      // As staged by an earlier version: not in the open-scans set, its bytes
      // not charged to the beamline.
      await redis.zrem(keys.openScans(), scanId);
      await redis.set(`${keys.beamlineStagedBytesPrefix()}MOGNO`, 0);
      const added = await new OpenScans(redis, expiring.config.keyPrefix).trackUntracked();
      assert.equal(added, 1);
      await waitFor(client, scanId, (s) => s.status === 'expired');
      assert.equal(await store.stagedBytes('MOGNO'), 0);
    } finally {
      redis.disconnect();
    }
  });
});
