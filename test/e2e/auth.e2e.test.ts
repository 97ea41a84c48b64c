/**
 * With API_KEYS_FILE set, every scan call needs a key whose scopes cover the
 * scan's beamline: no key 401, a MOGNO key on a MANACA scan 403; health and
 * the Swagger UI stay open.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { newApiKey } from '../../apps/gateway/src/auth/api-keys.js';
import { deviceEventText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { sendPartialBody } from '../helpers/raw-http.js';

const MOGNO_SCAN = { beamline: 'MOGNO', proposal: 'p1', technique: 'CT' };
const MANACA_SCAN = { beamline: 'MANACA', proposal: 'p2', technique: 'MX' };

describe('API keys and scopes', () => {
  let harness: Harness;
  const keys: Record<'mogno' | 'manaca' | 'reader' | 'admin', string> = {
    mogno: '',
    manaca: '',
    reader: '',
    admin: '',
  };
  const scopes = {
    mogno: ['beamline:MOGNO:write'],
    manaca: ['beamline:MANACA:write'],
    reader: ['read'],
    admin: ['admin'],
  };

  before(async () => {
    const stored = Object.entries(scopes).map(([id, granted]) => {
      const made = newApiKey(id);
      keys[id as keyof typeof keys] = made.key;
      return { id, sha256: made.sha256, scopes: granted };
    });
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'assonant-keys-')), 'keys.json');
    await writeFile(file, JSON.stringify(stored));
    harness = await startHarness({ worker: false, env: { API_KEYS_FILE: file } });
  });
  after(async () => harness.close());

  const as = (who: keyof typeof keys): { authorization: string } => ({
    authorization: `Bearer ${keys[who]}`,
  });

  async function open(who: keyof typeof keys, body: object): Promise<string> {
    const response = await request(harness.baseUrl).post('/v1/scans').set(as(who)).send(body);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return (response.body as { scanId: string }).scanId;
  }

  it('answers 401 without a key or with a wrong one', async () => {
    assertProblem(await request(harness.baseUrl).post('/v1/scans').send(MOGNO_SCAN), 401);
    const forged = `${keys.mogno.slice(0, -4)}AAAA`;
    assertProblem(
      await request(harness.baseUrl).get('/v1/scans').set('authorization', `Bearer ${forged}`),
      401,
    );
    assertProblem(
      await request(harness.baseUrl).get('/v1/scans').set('authorization', 'Bearer nonsense'),
      401,
    );
  });

  it('lets a MOGNO key create, write and read MOGNO scans, and nothing of MANACA (403)', async () => {
    const mognoScan = await open('mogno', MOGNO_SCAN);
    const event = deviceEventText({ stage: 'sample_acquisition', moment: 'start' });
    await request(harness.baseUrl)
      .post(`/v1/scans/${mognoScan}/devices`)
      .set(as('mogno'))
      .set('content-type', 'application/json')
      .send(event)
      .expect(202);
    await request(harness.baseUrl).get(`/v1/scans/${mognoScan}`).set(as('mogno')).expect(200);

    assertProblem(
      await request(harness.baseUrl).post('/v1/scans').set(as('mogno')).send(MANACA_SCAN),
      403,
    );
    const manacaScan = await open('manaca', MANACA_SCAN);
    assertProblem(
      await request(harness.baseUrl).get(`/v1/scans/${manacaScan}`).set(as('mogno')),
      403,
    );
    assertProblem(
      await request(harness.baseUrl)
        .post(`/v1/scans/${manacaScan}/devices`)
        .set(as('mogno'))
        .set('content-type', 'application/json')
        .send(event),
      403,
    );
    assertProblem(
      await request(harness.baseUrl).post(`/v1/scans/${manacaScan}/close`).set(as('mogno')),
      403,
    );
    assertProblem(
      await request(harness.baseUrl)
        .get('/v1/scans')
        .query({ beamline: 'MANACA' })
        .set(as('mogno')),
      403,
    );
    await request(harness.baseUrl)
      .get('/v1/scans')
      .query({ beamline: 'MOGNO' })
      .set(as('mogno'))
      .expect(200);
  });

  it('gives a read key every scan to read and none to write; admin does everything', async () => {
    const scanId = await open('admin', MANACA_SCAN);
    await request(harness.baseUrl).get(`/v1/scans/${scanId}`).set(as('reader')).expect(200);
    await request(harness.baseUrl).get('/v1/scans').set(as('reader')).expect(200);
    assertProblem(
      await request(harness.baseUrl).post(`/v1/scans/${scanId}/close`).set(as('reader')),
      403,
    );
    await request(harness.baseUrl).post(`/v1/scans/${scanId}/close`).set(as('admin')).expect(202);
  });

  it('keeps retry and delete to the admin scope', async () => {
    const scanId = await open('mogno', MOGNO_SCAN);
    for (const who of ['mogno', 'reader'] as const) {
      assertProblem(await request(harness.baseUrl).delete(`/v1/scans/${scanId}`).set(as(who)), 403);
      assertProblem(
        await request(harness.baseUrl).post(`/v1/scans/${scanId}/retry`).set(as(who)),
        403,
      );
    }
    assertProblem(await request(harness.baseUrl).delete(`/v1/scans/${scanId}`), 401);
    assertProblem(
      await request(harness.baseUrl).post(`/v1/scans/${scanId}/retry`).set(as('admin')),
      409,
    );
    await request(harness.baseUrl).delete(`/v1/scans/${scanId}`).set(as('admin')).expect(204);
  });

  it('does not let a deleted scan id, reused on another beamline, pass on what was remembered', async () => {
    const scanId = `reused-${Date.now()}`;
    await open('mogno', { ...MOGNO_SCAN, scanId });
    // Read once, so the gateway remembers the scan's beamline.
    await request(harness.baseUrl).get(`/v1/scans/${scanId}`).set(as('mogno')).expect(200);
    await request(harness.baseUrl).delete(`/v1/scans/${scanId}`).set(as('admin')).expect(204);
    await open('manaca', { ...MANACA_SCAN, scanId });
    assertProblem(await request(harness.baseUrl).get(`/v1/scans/${scanId}`).set(as('mogno')), 403);
    await request(harness.baseUrl).get(`/v1/scans/${scanId}`).set(as('manaca')).expect(200);
  });

  it('keeps health and the Swagger UI open', async () => {
    await request(harness.baseUrl).get('/health').expect(200);
    await request(harness.baseUrl).get('/docs').expect(200);
  });

  it('still answers 422 with violations to a key that may write, for a bad body', async () => {
    const response = await request(harness.baseUrl)
      .post('/v1/scans')
      .set(as('mogno'))
      .send({ beamline: 7, proposal: 'p', technique: 'CT' });
    assertProblem(response, 422);
  });

  it('refuses an anonymous upload before reading its body', { timeout: 10_000 }, async () => {
    // 200 MB announced, 64 KiB sent: an answer can only come if the key was
    // checked before the body was read.
    for (const path of ['/v1/validate', '/v1/scans', '/v1/no-such-route']) {
      const outcome = await sendPartialBody(harness.baseUrl, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/x-hdf5' },
        announced: 200 * 1024 * 1024,
        sent: 64 * 1024,
      });
      assert.equal(outcome.status, 401, `${path}: ${outcome.body}`);
      assert.match(outcome.body, /API key/);
      assert.equal(outcome.written, 64 * 1024);
    }
  });

  it('answers 401, not 404, to an anonymous caller on a route that does not exist', async () => {
    assertProblem(await request(harness.baseUrl).get('/v1/secrets'), 401);
    assertProblem(await request(harness.baseUrl).delete('/v1/validate'), 401);
    await request(harness.baseUrl).get('/v1/secrets').set(as('reader')).expect(404);
  });

  it('takes the bearer scheme in any case, and the key in X-API-Key', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      await request(harness.baseUrl)
        .get('/v1/scans')
        .set('authorization', `${scheme} ${keys.reader}`)
        .expect(200);
    }
    await request(harness.baseUrl).get('/v1/scans').set('x-api-key', keys.reader).expect(200);
    assertProblem(
      await request(harness.baseUrl).get('/v1/scans').set('authorization', `Basic ${keys.reader}`),
      401,
    );
  });

  it('serves the definitions catalog without a key', async () => {
    await request(harness.baseUrl).get('/v1/definitions').expect(200);
    await request(harness.baseUrl).get('/v1/definitions/NXtomo').expect(200);
  });
});
