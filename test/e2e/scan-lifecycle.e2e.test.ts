import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { deviceEventText, fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

const MOGNO = { beamline: 'MOGNO', proposal: '20240123', technique: 'CT' };

describe('scan lifecycle over HTTP', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  it('opens a scan with 201 and a Location, and reports it open with no events', async () => {
    const response = await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...MOGNO, title: 'rock core A3', startTime: '2026-11-26T10:00:00-03:00' })
      .expect(201);
    const scanId = (response.body as { scanId: string }).scanId;
    assert.equal(response.headers.location, `/v1/scans/${scanId}`);
    const status = await client.status(scanId);
    assert.equal(status.status, 'open');
    assert.deepEqual(status.counts, { entries: 0, devices: 0 });
  });

  it('re-opening a client scanId returns it (200); other metadata under that id is a 409', async () => {
    const scanId = `lifecycle-${Date.now()}`;
    await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...MOGNO, scanId })
      .expect(201);
    await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...MOGNO, scanId })
      .expect(200);
    const conflict = await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...MOGNO, scanId, beamline: 'MANACA' });
    assertProblem(conflict, 409);
  });

  it('a re-open that disagrees names the difference; a closed scan is not re-opened', async () => {
    const scanId = `reopen-${Date.now()}`;
    const opened = {
      ...MOGNO,
      scanId,
      title: 'rock core A3',
      startTime: '2026-11-26T10:00:00-03:00',
    };
    await request(harness.baseUrl).post('/v1/scans').send(opened).expect(201);
    // The same instant written in UTC, and a re-open that leaves the title out, agree.
    await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...MOGNO, scanId, startTime: '2026-11-26T13:00:00Z' })
      .expect(200);
    const retitled = await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...opened, title: 'rock core B1' });
    const problem = assertProblem(retitled, 409);
    assert.match(problem.detail, /title is "rock core A3", not "rock core B1"/);
    await request(harness.baseUrl).post(`/v1/scans/${scanId}/close`).expect(202);
    const reopened = await request(harness.baseUrl).post('/v1/scans').send(opened);
    const closed = assertProblem(reopened, 409);
    assert.match(closed.detail, /is (closing|written), so it takes no more events/);
  });

  it('?wait= answers once the scan is written, or as it is when the wait runs out', async () => {
    const scanId = await client.open(MOGNO);
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    const stillOpen = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=1`).expect(200);
    assert.equal((stillOpen.body as { status: string }).status, 'open');
    await request(harness.baseUrl).post(`/v1/scans/${scanId}/close`).expect(202);
    const written = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=30`).expect(200);
    assert.equal((written.body as { status: string }).status, 'written');
    for (const wait of ['61', '-1', 'soon']) {
      const refused = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=${wait}`);
      assert.ok(refused.status >= 400 && refused.status < 500, `wait=${wait}: ${refused.status}`);
      assert.match(
        JSON.stringify(refused.body),
        /wait must be a whole number of seconds from 0 to 60/,
      );
    }
  });

  it('beamline names are case-insensitive: mogno is MOGNO', async () => {
    const scanId = `lower-${Date.now()}`;
    const opened = await request(harness.baseUrl)
      .post('/v1/scans')
      .send({ ...MOGNO, beamline: 'mogno', scanId })
      .expect(201);
    assert.equal((opened.body as { beamline: string }).beamline, 'MOGNO');
    const page = await request(harness.baseUrl)
      .get('/v1/scans?beamline=mogno&limit=500')
      .expect(200);
    const ids = (page.body as { items: { scanId: string }[] }).items.map((item) => item.scanId);
    assert.ok(ids.includes(scanId), 'the scan is in the MOGNO catalog under either spelling');
  });

  it('answers 404 as problem+json for an unknown scan, on every scan route', async () => {
    const unknown = 'no-such-scan';
    const responses = [
      await request(harness.baseUrl).get(`/v1/scans/${unknown}`),
      await request(harness.baseUrl).get(`/v1/scans/${unknown}/file`),
      await request(harness.baseUrl).post(`/v1/scans/${unknown}/close`),
      await client.postJson(`/v1/scans/${unknown}/entries`, fixtureText('mogno-tomography-start')),
      await client.postJson(
        `/v1/scans/${unknown}/devices`,
        deviceEventText({ stage: 'sample_acquisition', moment: 'start' }),
      ),
    ];
    for (const response of responses) assertProblem(response, 404);
  });

  it('stages events, says when one is a repeat, closes once, and refuses events after close', async () => {
    const scanId = await client.open(MOGNO);
    const entry = fixtureText('mogno-tomography-start');
    const first = await client.postJson(`/v1/scans/${scanId}/entries`, entry).expect(202);
    assert.equal((first.body as { duplicate: boolean }).duplicate, false);
    const repeat = await client.postJson(`/v1/scans/${scanId}/entries`, entry).expect(202);
    assert.equal((repeat.body as { duplicate: boolean }).duplicate, true);
    const device = deviceEventText({
      stage: 'sample_positioning',
      moment: 'start',
      eventId: 'mono-1',
    });
    await client.device(scanId, device);
    assert.deepEqual((await client.status(scanId)).counts, { entries: 1, devices: 1 });

    const close1 = await request(harness.baseUrl).post(`/v1/scans/${scanId}/close`).expect(202);
    const close2 = await request(harness.baseUrl).post(`/v1/scans/${scanId}/close`).expect(202);
    assert.equal((close1.body as { jobId: string }).jobId, `write-${scanId}`);
    assert.equal(
      (close2.body as { jobId: string }).jobId,
      (close1.body as { jobId: string }).jobId,
    );

    const late = await client.postJson(
      `/v1/scans/${scanId}/devices`,
      deviceEventText({ stage: 'sample_positioning', moment: 'end', eventId: 'mono-2' }),
    );
    assertProblem(late, 409);

    const written = await client.waitWritten(scanId);
    assert.deepEqual(written.counts, { entries: 1, devices: 1 });
    assert.ok(written.file !== undefined);
    assert.ok(
      written.file.path.endsWith(`/MOGNO/20240123/${scanId}.nxs`),
      `file under DATA_ROOT/<beamline>/<proposal>: ${written.file.path}`,
    );
    const download = await request(harness.baseUrl)
      .get(`/v1/scans/${scanId}/file`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    assert.equal(download.headers['content-type'], 'application/x-hdf5');
    const bytes = download.body as Buffer;
    assert.equal(bytes.length, written.file.size);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), written.file.sha256);
    assert.equal(bytes.subarray(0, 8).toString('latin1'), '\x89HDF\r\n\x1a\n');
  });

  it('answers 409 for the file of a scan that is not written yet', async () => {
    const scanId = await client.open(MOGNO);
    assertProblem(await request(harness.baseUrl).get(`/v1/scans/${scanId}/file`), 409);
  });

  it('reuse of an eventId with different content is a 422; the same content is a repeat', async () => {
    const scanId = await client.open(MOGNO);
    const event = deviceEventText({ stage: 'sample_acquisition', moment: 'start', eventId: 'e-1' });
    await client.device(scanId, event);
    const again = await client.postJson(`/v1/scans/${scanId}/devices`, event).expect(202);
    assert.equal((again.body as { duplicate: boolean }).duplicate, true);
    const other = deviceEventText({ stage: 'sample_acquisition', moment: 'end', eventId: 'e-1' });
    assertProblem(await client.postJson(`/v1/scans/${scanId}/devices`, other), 422);
    assert.equal((await client.status(scanId)).counts.devices, 1);
  });

  it('lists scans newest first, filtered, one page at a time', async () => {
    const proposal = `p${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push(await client.open({ ...MOGNO, proposal }));
    await client.open({ ...MOGNO, beamline: 'MANACA', technique: 'MX', proposal });
    const page1 = await request(harness.baseUrl)
      .get('/v1/scans')
      .query({ proposal, beamline: 'MOGNO', limit: '2' })
      .expect(200);
    const body1 = page1.body as { items: { scanId: string }[]; nextCursor?: string };
    assert.equal(body1.items.length, 2);
    assert.ok(body1.nextCursor !== undefined);
    const page2 = await request(harness.baseUrl)
      .get('/v1/scans')
      .query({ proposal, beamline: 'MOGNO', limit: '2', cursor: body1.nextCursor })
      .expect(200);
    const body2 = page2.body as { items: { scanId: string }[]; nextCursor?: string };
    const listed = [...body1.items, ...body2.items].map((item) => item.scanId);
    assert.deepEqual([...listed].sort(), [...ids].sort());
    assert.equal(body2.nextCursor, undefined);

    const bad = await request(harness.baseUrl)
      .get('/v1/scans')
      .query({ status: 'lost' })
      .expect(400);
    const problem = bad.body as { title: string; detail: string; violations: { path: string }[] };
    assert.equal(problem.title, 'Query string is not valid');
    assert.match(problem.detail, /status must be one of/);
    assert.deepEqual(
      problem.violations.map((v) => v.path),
      ['status'],
    );
  });

  it('reports Redis and the data directory on /health', async () => {
    const response = await request(harness.baseUrl).get('/health').expect(200);
    const body = response.body as { status: string; checks: { redis: { status: string } } };
    assert.equal(body.status, 'ok');
    assert.equal(body.checks.redis.status, 'up');
    // Public: no path of the server (DATA_ROOT, keys file) in what anyone can read.
    assert.ok(!response.text.includes(harness.config.dataRoot), response.text);
    assert.doesNotMatch(response.text, /"\/[^"]*"/);
  });

  it('serves the Swagger UI and the OpenAPI document', async () => {
    await request(harness.baseUrl).get('/docs').expect(200);
    const spec = await request(harness.baseUrl).get('/docs/json').expect(200);
    const paths = Object.keys((spec.body as { paths: Record<string, unknown> }).paths);
    assert.ok(paths.includes('/v1/scans/{scanId}/devices'));
  });
});
