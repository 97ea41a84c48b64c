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
