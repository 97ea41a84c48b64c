/**
 * The first mistakes a new user makes are answered with what to change: the
 * expected content type, the limit and the variable that sets it, the value a
 * near miss was meant to be, the definition a technique has, and a warning
 * when a technique has no definition at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

const BODY_LIMIT = 2048;

describe('errors that say how to fix them', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    harness = await startHarness({
      worker: false,
      env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) },
    });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  it('a 415 names the content type expected and the one sent', async () => {
    const response = await request(harness.baseUrl)
      .post('/v1/scans')
      .set('content-type', 'text/plain')
      .send('beamline=MOGNO');
    const problem = assertProblem(response, 415);
    assert.equal(problem.type, 'urn:assonant-gateway:problem:unsupported-media-type');
    assert.match(problem.detail, /Content-Type application\/json/);
    assert.match(problem.detail, /this request has Content-Type text\/plain/);
  });

  it('a 413 gives the limit in bytes and the variable that sets it', async () => {
    const response = await client.postJson('/v1/scans', JSON.stringify({ pad: 'x'.repeat(4096) }));
    const problem = assertProblem(response, 413);
    assert.equal(problem.type, 'urn:assonant-gateway:problem:body-too-large');
    assert.match(problem.detail, new RegExp(`${BODY_LIMIT} bytes`));
    assert.match(problem.detail, /BODY_LIMIT_BYTES/);
  });

  it('malformed JSON and unknown routes are the gateway’s own problems', async () => {
    const malformed = assertProblem(await client.postJson('/v1/scans', '{"beamline":'), 400);
    assert.equal(malformed.type, 'urn:assonant-gateway:problem:invalid-json');
    assert.match(malformed.detail, /not valid JSON/);
    const route = assertProblem(await request(harness.baseUrl).put('/v1/scans'), 404);
    assert.equal(route.type, 'urn:assonant-gateway:problem:route-not-found');
    assert.match(route.detail, /PUT \/v1\/scans.*\/docs/);
  });

  it('a close sent with a JSON content type and no body is a close', async () => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'p', technique: 'CT' });
    const response = await request(harness.baseUrl)
      .post(`/v1/scans/${scanId}/close`)
      .set('content-type', 'application/json')
      .expect(202);
    assert.equal((response.body as { status: string }).status, 'closing');
    // A route that takes a body still refuses to go without one.
    const noBody = await client.postJson(`/v1/scans/${scanId}/devices`, '');
    assert.equal(assertProblem(noBody, 400).type, 'urn:assonant-gateway:problem:empty-body');
  });

  it('a near miss is told the value it was meant to be, with what each technique is', async () => {
    const response = await client.postJson(
      '/v1/scans',
      JSON.stringify({ beamline: 'MOGNO', proposal: 'p', technique: 'ct' }),
    );
    const [violation] = assertProblem(response, 422).violations ?? [];
    assert.equal(violation?.path, 'technique');
    assert.match(violation?.message ?? '', /CT \(computed tomography\)/);
    assert.match(violation?.message ?? '', /did you mean "CT"\?$/);

    const status = await request(harness.baseUrl).get('/v1/scans').query({ status: 'writen' });
    const query = assertProblem(status, 400);
    assert.equal(query.title, 'Query string is not valid');
    assert.match(query.detail, /status must be one of .*did you mean "written"\?/);

    const device = await client.postJson(
      `/v1/scans/${await client.open({ beamline: 'MOGNO', proposal: 'p', technique: 'CT' })}/devices`,
      JSON.stringify({
        stage: 'sample_acquisition',
        moment: 'strat',
        device: { name: 'mono', class: 'Monochromatr', fields: {} },
      }),
    );
    const messages = (assertProblem(device, 422).violations ?? []).map((v) => v.message);
    assert.ok(
      messages.some((m) => m.endsWith('did you mean "start"?')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.endsWith('did you mean "Monochromator"?')),
      messages.join('\n'),
    );
  });

  it('no suggestion when nothing is close', async () => {
    const response = await client.postJson(
      '/v1/scans',
      JSON.stringify({ beamline: 'MOGNO', proposal: 'p', technique: 'holography' }),
    );
    const [violation] = assertProblem(response, 422).violations ?? [];
    assert.doesNotMatch(violation?.message ?? '', /did you mean/);
  });

  it('a technique named as a definition points to its definition', async () => {
    const ct = assertProblem(await request(harness.baseUrl).get('/v1/definitions/CT'), 404);
    assert.match(ct.detail, /CT is a technique; its application definition is NXtomo/);
    const lower = assertProblem(await request(harness.baseUrl).get('/v1/definitions/nxmx'), 404);
    assert.match(lower.detail, /did you mean NXmx\?/);
    const unknown = assertProblem(
      await request(harness.baseUrl).get('/v1/definitions/NXnothing'),
      404,
    );
    assert.match(unknown.detail, /The definitions are NXtomo, NXmx, /);
  });

  it('a technique without a definition is told so from the open', async () => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'p', technique: 'XRD' });
    const status = await client.status(scanId);
    assert.equal(status.warnings.length, 1);
    assert.match(
      status.warnings[0] ?? '',
      /technique XRD \(X-ray diffraction\) has no NeXus application definition/,
    );
    const listed = await request(harness.baseUrl).get('/v1/scans').query({ technique: 'XRD' });
    const items = (listed.body as { items: { scanId: string; warnings: string[] }[] }).items;
    assert.deepEqual(
      items.map((item) => [item.scanId, item.warnings.length]),
      [[scanId, 1]],
    );
    const ct = await client.status(
      await client.open({ beamline: 'MOGNO', proposal: 'p', technique: 'CT' }),
    );
    assert.deepEqual(ct.warnings, []);
  });
});
