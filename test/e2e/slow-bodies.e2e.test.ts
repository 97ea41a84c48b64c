/**
 * A body that trickles in (1 byte every 200 ms) is cut at REQUEST_TIMEOUT_MS
 * and a silent connection at IDLE_TIMEOUT_MS: neither holds a socket for
 * long, and the gateway keeps serving.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import {
  sendPartialBody,
  type PartialBodyOutcome,
  type PartialBodyRequest,
} from '../helpers/raw-http.js';

describe('slow and silent clients', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({
      worker: false,
      env: { REQUEST_TIMEOUT_MS: '1500', IDLE_TIMEOUT_MS: '1000' },
    });
  });
  after(async () => harness.close());

  const postScanBody = (
    body: Pick<PartialBodyRequest, 'announced' | 'sent' | 'trickleMs'>,
  ): Promise<PartialBodyOutcome> =>
    sendPartialBody(harness.baseUrl, {
      method: 'POST',
      path: '/v1/scans',
      headers: { 'content-type': 'application/json' },
      ...body,
    });

  it('answers a ?wait longer than IDLE_TIMEOUT_MS before the silent socket is cut', async () => {
    const opened = await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ beamline: 'MOGNO', proposal: 'slow', technique: 'CT' })
      .expect(201);
    const scanId = (opened.body as { scanId: string }).scanId;
    // No worker: the scan stays open, and the answer says so instead of a hang-up.
    const waited = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=3`).expect(200);
    assert.equal((waited.body as { status: string }).status, 'open');
  });

  it('cuts a body sent at 5 bytes/s', { timeout: 30_000 }, async () => {
    const outcome = await postScanBody({ announced: 10_000, sent: 1, trickleMs: 200 });
    // 408 from Node's request timeout, or a hang-up; never the whole body.
    assert.ok(outcome.status === 408 || outcome.status === 'closed', String(outcome.status));
    assert.ok(outcome.written < 200, `${outcome.written} bytes were taken before the cut`);
    await request(harness.baseUrl).get('/health').expect(200);
  });

  it('closes a connection that announces a body and sends none', { timeout: 30_000 }, async () => {
    const outcome = await postScanBody({ announced: 100, sent: 0 });
    assert.ok(outcome.status === 408 || outcome.status === 'closed', String(outcome.status));
    await request(harness.baseUrl).get('/health').expect(200);
  });
});
