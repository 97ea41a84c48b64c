/**
 * Staging is bounded: past STAGING_LIMIT_BYTES ingest answers 429 with
 * Retry-After and stores nothing; once a scan is written its staged events are
 * freed and ingest resumes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deviceEventText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

describe('back-pressure', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    // Room for a few device events (~0.9 KB each), not for ten.
    harness = await startHarness({
      env: { STAGING_LIMIT_BYTES: '4096', STAGING_LIMIT_PER_BEAMLINE_BYTES: '4096' },
    });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  it('answers 429 with Retry-After when staging is full, and resumes once files are written', async () => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'bp', technique: 'CT' });
    const event = (n: number): string =>
      deviceEventText({ stage: 'sample_acquisition', moment: 'during', eventId: `bp-${n}` });
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 10; n += 1) {
      const response = await client.postJson(`/v1/scans/${scanId}/devices`, event(n));
      if (response.status === 202) {
        accepted += 1;
        continue;
      }
      assertProblem(response, 429);
      assert.ok(Number(response.headers['retry-after']) > 0);
      refused += 1;
    }
    assert.ok(accepted >= 2 && refused >= 1, `accepted ${accepted}, refused ${refused}`);
    assert.equal((await client.status(scanId)).counts.devices, accepted);

    await client.close(scanId);
    await client.waitWritten(scanId);
    const next = await client.open({ beamline: 'MOGNO', proposal: 'bp', technique: 'CT' });
    await client.device(next, event(100));
  });
});
