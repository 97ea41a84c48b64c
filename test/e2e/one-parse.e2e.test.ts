/**
 * One parse, one truth: a body another reader could see differently is a 400
 * naming where, before anything is staged, so the worker never meets it and
 * the scan's good events are written (finding 5 of issue 7). What is staged
 * is the text as sent, and events are compared by their canonical text with
 * numbers as sent, so two events that differ beyond 2^53 are two events, and
 * an eventId reused for other content is a 422 in every value range (finding 8).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import request from 'supertest';
import { readWithH5py } from '#libs/testing/src/h5py.js';
import { parseJsonPreservingIntegers, RedisKeys } from '#libs/staging/src/index.js';
import { deviceEventText, fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

const MOGNO = { beamline: 'MOGNO', proposal: 'parse', technique: 'CT' };

/** The monochromator with one more field, written into the text so the literal stays as typed. */
function deviceWith(field: string, options: { eventId?: string; moment?: string } = {}): string {
  const device = fixtureText('device-snapshot-monochromator').replace(
    '"fields": {',
    `"fields": {${field},`,
  );
  assert.notEqual(device, fixtureText('device-snapshot-monochromator'));
  return deviceEventText({
    stage: 'sample_acquisition',
    moment: options.moment ?? 'start',
    ...(options.eventId !== undefined ? { eventId: options.eventId } : {}),
    device,
  });
}

const stamp = (literal: string): string =>
  `"timestamp_ns": {"value": ${literal}, "unit": "ns", "extra_metadata": {}}`;

describe('one parse, one truth', () => {
  let harness: Harness;
  let client: ScanClient;
  let redis: Redis;
  let keys: RedisKeys;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
    redis = new Redis(harness.config.redisUrl);
    keys = new RedisKeys(harness.config.keyPrefix);
  });
  after(async () => {
    redis.disconnect();
    await harness.close();
  });

  it('refuses a duplicate key with a 400 naming it and its path; the other events are written', async () => {
    const scanId = await client.open(MOGNO);
    const good = deviceWith(stamp('1'), { eventId: 'good-1' });
    await client.device(scanId, good);
    for (const second of ['2', '1']) {
      const twice = `"energy": {"value": 1, "unit": "keV", "value": ${second}}`;
      const response = await client.postJson(
        `/v1/scans/${scanId}/devices`,
        deviceWith(twice, { eventId: `dup-${second}` }),
      );
      const problem = assertProblem(response, 400);
      assert.equal(problem.type, 'urn:assonant-gateway:problem:json-duplicate-key');
      assert.match(problem.detail, /"value" appears twice/);
      assert.match(problem.detail, /\/device\/fields\/energy\/value/);
      assert.match(problem.detail, /send each key once/);
    }
    await client.device(scanId, deviceWith(stamp('2'), { eventId: 'good-2', moment: 'end' }));

    // What the worker will be handed: the texts as sent, none the gateway refused.
    const staged = await redis.hgetall(keys.events(scanId, 'devices'));
    assert.deepEqual(Object.keys(staged).sort(), ['good-1', 'good-2']);
    assert.equal(staged['good-1'], good);
    for (const text of Object.values(staged)) {
      assert.doesNotThrow(() => parseJsonPreservingIntegers(text));
    }

    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    assert.deepEqual(written.counts, { entries: 0, devices: 2 });
    const listing = await readWithH5py(written.file?.path ?? '');
    assert.ok(listing['/sample_acquisition_start/instrument/monochromator/timestamp_ns']);
    assert.ok(listing['/sample_acquisition_end/instrument/monochromator/timestamp_ns']);
  });

  it('refuses lone surrogates and nesting past 512 with a 400', async () => {
    const scanId = await client.open(MOGNO);
    const lone = await client.postJson(
      `/v1/scans/${scanId}/devices`,
      deviceWith('"note": {"value": "a\\ud800b", "unit": null, "extra_metadata": {}}'),
    );
    assert.equal(assertProblem(lone, 400).type, 'urn:assonant-gateway:problem:json-lone-surrogate');
    const deep = `"deep": {"value": ${'['.repeat(600)}${']'.repeat(600)}}`;
    const nested = await client.postJson(`/v1/scans/${scanId}/devices`, deviceWith(deep));
    assert.equal(assertProblem(nested, 400).type, 'urn:assonant-gateway:problem:json-too-deep');
    assert.equal((await client.status(scanId)).counts.devices, 0);
  });

  it('keeps 9007199254740993 and 9007199254740992 apart: both stored, both written exactly', async () => {
    const scanId = await client.open(MOGNO);
    const answers: { eventId: string; duplicate: boolean }[] = [];
    for (const literal of ['9007199254740993', '9007199254740992']) {
      const response = await client
        .postJson(`/v1/scans/${scanId}/devices`, deviceWith(stamp(literal)))
        .expect(202);
      answers.push(response.body as { eventId: string; duplicate: boolean });
    }
    assert.deepEqual(
      answers.map((a) => a.duplicate),
      [false, false],
    );
    assert.notEqual(answers[0]?.eventId, answers[1]?.eventId);
    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    assert.equal(written.counts.devices, 2);
    // One event supersedes the other at the same place; both values are in the file.
    const values = Object.entries(await readWithH5py(written.file?.path ?? ''))
      .filter(([path, item]) => item.kind === 'dataset' && /timestamp_ns/.test(path))
      .map(([, item]) => ({ dtype: item.dtype, value: item.value?.[0] }));
    assert.deepEqual(
      values.map((v) => v.value).sort(),
      ['9007199254740992', '9007199254740993'],
      JSON.stringify(values),
    );
    assert.ok(values.every((v) => v.dtype === 'int64'));
  });

  it('answers 422 to an eventId or Idempotency-Key reused for other content, small or past 2^53', async () => {
    const scanId = await client.open(MOGNO);
    for (const [first, second] of [
      ['1', '2'],
      ['9007199254740993', '9007199254740992'],
      ['1.5', '1.50'],
    ] as const) {
      const eventId = `reuse-${first}`;
      await client.device(scanId, deviceWith(stamp(first), { eventId }));
      const again = await client
        .postJson(`/v1/scans/${scanId}/devices`, deviceWith(stamp(first), { eventId }))
        .expect(202);
      assert.equal((again.body as { duplicate: boolean }).duplicate, true);
      const other = await client.postJson(
        `/v1/scans/${scanId}/devices`,
        deviceWith(stamp(second), { eventId }),
      );
      assert.equal(
        assertProblem(other, 422).type,
        'urn:assonant-gateway:problem:event-id-conflict',
      );

      const key = `key-${first}`;
      const byHeader = (literal: string): request.Test =>
        client
          .postJson(`/v1/scans/${scanId}/devices`, deviceWith(stamp(literal), { moment: 'end' }))
          .set('idempotency-key', key);
      await byHeader(first).expect(202);
      assertProblem(await byHeader(second), 422);
    }
  });

  it('frees the staged events once the file is written; a late repeat is then a 409', async () => {
    const scanId = await client.open(MOGNO);
    const event = deviceWith(stamp('7'), { eventId: 'late-1' });
    await client.device(scanId, event);
    assert.equal(await redis.exists(keys.events(scanId, 'devices')), 1);
    await client.close(scanId);
    await client.waitWritten(scanId);
    assert.equal(await redis.exists(keys.events(scanId, 'devices')), 0);
    assertProblem(await client.postJson(`/v1/scans/${scanId}/devices`, event), 409);
  });
});
