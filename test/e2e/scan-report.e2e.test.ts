/**
 * Before it is too late: while a scan is open, its report says what its
 * file would hold and lack if it were closed now — a worker's dry run of the
 * same build, with the completeness report and the "send X" hints — and
 * writes no file. Without a worker, a clear 503 within REPORT_TIMEOUT_MS.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

const read = (folder: string, name: string): Buffer =>
  readFileSync(path.join(PROJECT_ROOT, 'test/fixtures', folder, name));

interface ReportBody {
  scanId: string;
  status: string;
  dryRun: boolean;
  counts: { entries: number; devices: number };
  warnings: string[];
  validation: {
    definition: string | null;
    errors: number;
    findings: { severity: string; path: string; hint?: string }[];
  };
  completeness?: { moments: { entry: string; arrived: number; expected: number }[] };
}

describe('the report of an open scan', () => {
  let harness: Harness;
  let client: ScanClient;
  const beamline = `REPORT${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
    await client.putSchema(beamline, read('schemas', 'mogno-metadata.csv'));
  });
  after(async () => harness.close());

  const report = async (scanId: string): Promise<ReportBody> => {
    const response = await request(harness.baseUrl).get(`/v1/scans/${scanId}/report`).expect(200);
    return response.body as ReportBody;
  };

  it('says what the file would hold and lack, writes nothing, and follows the events', async () => {
    const scanId = await client.open({ beamline, proposal: 'report', technique: 'CT' });
    await client.entry(scanId, read('assonant-wire', 'mogno-tomography-start.json').toString());

    const first = await report(scanId);
    assert.equal(first.dryRun, true);
    assert.equal(first.status, 'open');
    assert.equal(first.validation.definition, 'NXtomo');
    assert.ok(first.validation.errors > 0, 'the wire form lost the frames: NXtomo misses them');
    assert.ok(
      first.validation.findings.some((finding) => finding.hint?.startsWith('Detector.fields')),
      JSON.stringify(first.validation.findings),
    );
    const moments = new Map(first.completeness?.moments.map((m) => [m.entry, m]));
    assert.equal(moments.get('sample_acquisition_start')?.arrived, 16);
    assert.equal(moments.get('sample_acquisition_during')?.arrived, 0);

    // No file, no scratch left beside where it will be, and the scan still takes events.
    const folder = path.join(harness.config.dataRoot, beamline, 'report');
    assert.equal(existsSync(path.join(folder, `${scanId}.nxs`)), false);
    assert.deepEqual(existsSync(folder) ? readdirSync(folder) : [], []);
    assert.equal((await client.status(scanId)).status, 'open');

    await client.entry(scanId, read('assonant', 'mogno-tomography-during.json').toString());
    const second = await report(scanId);
    const during = second.completeness?.moments.find(
      (m) => m.entry === 'sample_acquisition_during',
    );
    assert.equal(during?.arrived, 3);
    assert.equal(second.counts.entries, 2);

    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    const final = await report(scanId);
    assert.equal(final.dryRun, false);
    assert.deepEqual(final.validation, written.validation);
    assert.deepEqual(final.completeness, (written as unknown as ReportBody).completeness);
    // The dry run saw what the file holds.
    assert.deepEqual(final.completeness, second.completeness);
    assert.equal(final.validation.errors, second.validation.errors);
  });

  it('answers 404 for a scan that does not exist', async () => {
    assertProblem(await request(harness.baseUrl).get('/v1/scans/no-such-scan/report'), 404);
  });
});

describe('the report with no worker running', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({ worker: false, env: { REPORT_TIMEOUT_MS: '300' } });
  });
  after(async () => harness.close());

  it('answers 503 within REPORT_TIMEOUT_MS, naming it', async () => {
    const client = new ScanClient(harness.baseUrl);
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'report', technique: 'CT' });
    const problem = assertProblem(
      await request(harness.baseUrl).get(`/v1/scans/${scanId}/report`),
      503,
    );
    assert.match(problem.detail, /within 300 ms \(REPORT_TIMEOUT_MS\)/);
    assert.match(problem.type, /report-unavailable$/);
  });
});
