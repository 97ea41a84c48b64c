/**
 * The scan lifecycle without any transport around it, against the suite's
 * real Redis: what a message-queue consumer or a folder importer would get.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  EXAMPLE_CREATE_SCAN,
  EXAMPLE_DEVICE_EVENT,
  EXAMPLE_MOGNO_TOMOGRAPHY_START,
} from '#libs/model/src/index.js';
import {
  WRITE_QUEUE,
  WriteJobQueue,
  writeScanJobId,
  type WriteScanJobData,
} from '#libs/queue-contracts/src/index.js';
import { RedisKeys, ScanStore } from '#libs/staging/src/index.js';
import { ScanIngest } from '../src/index.js';

const redisUrl = process.env.REDIS_URL;

describe('scan lifecycle', () => {
  const keyPrefix = `test-ingest-${randomBytes(6).toString('hex')}`;
  let redis: Redis;
  let jobs: WriteJobQueue;
  let queue: Queue<WriteScanJobData>;
  let ingest: ScanIngest;
  let n = 0;
  const newScanId = (): string => `ingest-${(n += 1)}`;
  const entry = {
    body: EXAMPLE_MOGNO_TOMOGRAPHY_START,
    json: JSON.stringify(EXAMPLE_MOGNO_TOMOGRAPHY_START),
  };

  before(() => {
    assert.ok(
      redisUrl,
      'REDIS_URL is not set: run the tests with `npm test`, which starts a Redis',
    );
    redis = new Redis(redisUrl);
    jobs = new WriteJobQueue(redis, { keyPrefix, attempts: 2 });
    queue = new Queue<WriteScanJobData>(WRITE_QUEUE, { connection: redis, prefix: keyPrefix });
    ingest = new ScanIngest(
      new ScanStore(redis, keyPrefix, { total: 1 << 30, perBeamline: 1 << 30 }),
      jobs,
    );
  });

  after(async () => {
    await jobs.close();
    await queue.close();
    redis.disconnect();
  });

  it('opens a scan once; the same metadata again re-opens it, other metadata is named', async () => {
    const scanId = newScanId();
    const request = { ...EXAMPLE_CREATE_SCAN, scanId, beamline: 'mogno' };
    const first = await ingest.open(request);
    assert.equal(first.kind, 'created');
    assert.equal(first.kind === 'created' && first.scan.beamline, 'MOGNO');
    assert.equal((await ingest.open(request)).kind, 'reopened');
    const other = await ingest.open({ ...request, proposal: '99999999' });
    assert.deepEqual(other, {
      kind: 'metadata-differs',
      scanId,
      differences: [`proposal is "${EXAMPLE_CREATE_SCAN.proposal}", not "99999999"`],
    });
  });

  it('names an event by its content when the client gives no id, and stores a repeat once', async () => {
    const scanId = newScanId();
    await ingest.open({ ...EXAMPLE_CREATE_SCAN, scanId });
    const stored = await ingest.stageEntry(scanId, entry);
    assert.equal(stored.kind, 'stored');
    assert.match(stored.kind === 'stored' ? stored.eventId : '', /^sha256-[0-9a-f]{64}$/);
    assert.equal(stored.kind === 'stored' && stored.entry, EXAMPLE_MOGNO_TOMOGRAPHY_START.name);
    const again = await ingest.stageEntry(scanId, entry);
    assert.equal(again.kind, 'duplicate');
  });

  it('tells a body eventId that disagrees with the idempotency key, and a reused id, apart', async () => {
    const scanId = newScanId();
    await ingest.open({ ...EXAMPLE_CREATE_SCAN, scanId });
    const device = { ...EXAMPLE_DEVICE_EVENT, eventId: 'dcm-1' };
    const mismatch = await ingest.stageDevice(scanId, {
      body: device,
      json: JSON.stringify(device),
      idempotencyKey: 'dcm-2',
    });
    assert.deepEqual(mismatch, {
      kind: 'id-mismatch',
      bodyEventId: 'dcm-1',
      idempotencyKey: 'dcm-2',
    });
    const first = await ingest.stageDevice(scanId, {
      body: device,
      json: JSON.stringify(device),
    });
    assert.equal(first.kind, 'stored');
    const changed = { ...device, timestamp: '2024-04-25T16:00:01-03:00' };
    const reused = await ingest.stageDevice(scanId, {
      body: changed,
      json: JSON.stringify(changed),
    });
    assert.deepEqual(reused, { kind: 'conflict', eventId: 'dcm-1' });
  });

  it('stages the text as sent; the same content in another key order or spacing is a repeat', async () => {
    const scanId = newScanId();
    await ingest.open({ ...EXAMPLE_CREATE_SCAN, scanId });
    const device = { ...EXAMPLE_DEVICE_EVENT, eventId: 'dcm-order' };
    const sent = JSON.stringify(device, null, 2);
    assert.equal((await ingest.stageDevice(scanId, { body: device, json: sent })).kind, 'stored');
    const staged = await redis.hget(
      new RedisKeys(keyPrefix).events(scanId, 'devices'),
      'dcm-order',
    );
    assert.equal(staged, sent);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(device).reverse()));
    assert.notEqual(reordered.slice(0, 20), JSON.stringify(device).slice(0, 20));
    const again = await ingest.stageDevice(scanId, { body: device, json: reordered });
    assert.equal(again.kind, 'duplicate');
  });

  it('tells 1.0 from 1 (a float and an integer in the file), and keeps an entry id from a device', async () => {
    const scanId = newScanId();
    await ingest.open({ ...EXAMPLE_CREATE_SCAN, scanId });
    const device = { ...EXAMPLE_DEVICE_EVENT, eventId: 'dcm-literal' };
    const withSpare = (literal: string): string =>
      JSON.stringify(device).replace('"eventId"', `"spare":${literal},"eventId"`);
    const float = await ingest.stageDevice(scanId, { body: device, json: withSpare('1.0') });
    assert.equal(float.kind, 'stored');
    const integer = await ingest.stageDevice(scanId, { body: device, json: withSpare('1') });
    assert.deepEqual(integer, { kind: 'conflict', eventId: 'dcm-literal' });

    await ingest.stageEntry(scanId, { ...entry, idempotencyKey: 'taken' });
    const taken = { ...device, eventId: 'taken' };
    const asDevice = await ingest.stageDevice(scanId, { body: taken, json: JSON.stringify(taken) });
    assert.deepEqual(asDevice, { kind: 'conflict', eventId: 'taken' });
  });

  it('closes once: the write is queued under the scan job id, and a closed scan takes nothing', async () => {
    const scanId = newScanId();
    await ingest.open({ ...EXAMPLE_CREATE_SCAN, scanId });
    assert.equal((await ingest.stageEntry(scanId, entry)).kind, 'stored');
    const closed = await ingest.close(scanId);
    assert.deepEqual(closed, {
      kind: 'accepted',
      scanId,
      jobId: writeScanJobId(scanId),
      status: 'closing',
    });
    assert.deepEqual((await ingest.close(scanId)).kind, 'accepted');
    const job = await queue.getJob(writeScanJobId(scanId));
    assert.deepEqual(job?.data, { scanId });
    assert.equal(job?.opts.attempts, 2);
    // A verbatim repeat of an accepted event is still a duplicate; anything new is refused.
    assert.equal((await ingest.stageEntry(scanId, entry)).kind, 'duplicate');
    const late = { ...EXAMPLE_DEVICE_EVENT, eventId: 'late-1' };
    const refused = await ingest.stageDevice(scanId, {
      body: late,
      json: JSON.stringify(late),
    });
    assert.deepEqual(refused, { kind: 'closed', scanId });
    const reopen = await ingest.open({ ...EXAMPLE_CREATE_SCAN, scanId });
    assert.deepEqual(reopen, { kind: 'not-open', scanId, status: 'closing' });
    assert.deepEqual(await ingest.retry(scanId), { kind: 'not-failed', scanId, status: 'closing' });
  });

  it('answers unknown for a scan it does not have', async () => {
    assert.deepEqual(await ingest.stageEntry('nope', entry), { kind: 'unknown', scanId: 'nope' });
    assert.deepEqual(await ingest.close('nope'), { kind: 'unknown', scanId: 'nope' });
    assert.deepEqual(await ingest.retry('nope'), { kind: 'unknown', scanId: 'nope' });
  });
});
