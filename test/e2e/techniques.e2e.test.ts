/**
 * Technique-centric files: for each supported technique a realistic scan goes
 * through HTTP and its file carries an entry that validates against the
 * technique's application definition with no errors.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readWithH5py } from '#libs/testing/src/h5py.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';
import {
  postFixture,
  TECHNIQUE_FIXTURES,
  techniqueFixture,
  writeDetectorFiles,
} from '../helpers/technique-fixtures.js';

describe('a file per technique that validates against its application definition', () => {
  let harness: Harness;
  let client: ScanClient;
  let detectorDir: string;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
    detectorDir = await mkdtemp(path.join(harness.config.dataRoot, 'detector-'));
  });
  after(async () => harness.close());

  for (const [technique, definition] of Object.entries(TECHNIQUE_FIXTURES)) {
    it(`${technique} → ${definition}, 0 errors`, async () => {
      const fixture = techniqueFixture(technique, detectorDir);
      await writeDetectorFiles(fixture);
      const scanId = await postFixture(client, fixture);
      const written = await client.waitWritten(scanId);
      const validation = written.validation;
      assert.ok(validation !== undefined, 'the status carries a validation report');
      assert.equal(validation.definition, definition);
      const errors = validation.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors, [], 'no errors');
      assert.equal(validation.errors, 0);

      const listing = await readWithH5py(written.file?.path ?? '');
      assert.deepEqual(listing['/entry/definition']?.value, [definition]);
      assert.deepEqual(listing['/']?.attrs?.default?.value, ['entry']);
      const entryDefault = listing['/entry']?.attrs?.default?.value?.[0];
      assert.equal(typeof entryDefault, 'string');
      const data = listing[`/entry/${String(entryDefault)}`];
      assert.deepEqual(data?.attrs?.NX_class?.value, ['NXdata']);
      assert.ok(data?.attrs?.signal !== undefined, 'NXdata has @signal');
    });
  }
});
