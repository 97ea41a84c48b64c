/**
 * The Assonant examples, posted over HTTP and written by the worker, read back
 * by h5py: every field, unit, attribute, time series and position that was
 * sent is at its path with its value and dtype.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import { parseJsonPreservingIntegers } from '#libs/staging/src/parse-staged.js';
import { readWithH5py, type H5Listing } from '#libs/testing/src/h5py.js';
import { expectedForDevice, expectedForEntry, type Expected } from '../helpers/expected-datums.js';
import { deviceEventText, fixtureText, type FixtureName } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

function assertHolds(listing: H5Listing, expected: Expected): number {
  for (const group of expected.groups) {
    const found = listing[group.path];
    assert.equal(found?.kind, 'group', `${group.path} is a group`);
    assert.deepEqual(found.attrs?.NX_class?.value, [group.nxClass], `${group.path}@NX_class`);
  }
  for (const datum of expected.datums) {
    const found = listing[datum.path];
    assert.equal(found?.kind, 'dataset', `${datum.path} is a dataset`);
    const dtype = datum.dtype === 'string' ? /^string/ : new RegExp(`^${datum.dtype}$`);
    assert.match(String(found.dtype), dtype, `${datum.path} dtype`);
    assert.deepEqual(found.shape, datum.shape, `${datum.path} shape`);
    assert.deepEqual(found.value, datum.value, `${datum.path} value`);
    if (datum.units === undefined && datum.attrs.units === undefined) {
      assert.equal(found.attrs?.units, undefined, `${datum.path} has no units`);
    } else if (datum.units !== undefined) {
      assert.deepEqual(found.attrs?.units?.value, [datum.units], `${datum.path}@units`);
    }
    for (const [name, value] of Object.entries(datum.attrs)) {
      assert.deepEqual(found.attrs?.[name]?.value, value, `${datum.path}@${name}`);
    }
  }
  return expected.datums.length;
}

const entryOf = (name: FixtureName): EntryJson =>
  parseJsonPreservingIntegers(fixtureText(name)) as EntryJson;

describe('the examples, through HTTP, in the file', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  it('MOGNO tomography: start and during entries and a device event, every datum', async () => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: '20240123', technique: 'CT' });
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    await client.entry(scanId, fixtureText('mogno-tomography-during'));
    await client.device(scanId, deviceEventText({ stage: 'sample_acquisition', moment: 'end' }));
    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    assert.deepEqual(written.warnings, []);
    const listing = await readWithH5py(written.file?.path ?? '');

    const device = parseJsonPreservingIntegers(
      fixtureText('device-snapshot-monochromator'),
    ) as ComponentJson;
    let checked = assertHolds(listing, expectedForEntry(entryOf('mogno-tomography-start')));
    checked += assertHolds(listing, expectedForEntry(entryOf('mogno-tomography-during')));
    checked += assertHolds(listing, expectedForDevice('sample_acquisition_end', device));
    assert.ok(checked >= 43, `checked ${checked} datasets`);

    // Spot checks a reader would make, beyond the generic walk.
    const ringEnergy = listing['/sample_acquisition_start/instrument/storage_ring/energy'];
    assert.equal(ringEnergy?.dtype, 'float64', '3.0 stays a float');
    const bitDepth = listing['/sample_acquisition_start/instrument/camera/bit_depth'];
    assert.equal(bitDepth?.dtype, 'int64', 'integers keep their width');
    const missing = listing['/sample_acquisition_end/instrument/monochromator/in_position'];
    assert.deepEqual(missing?.value, ['NaN'], 'null is written as NaN');
    assert.ok(missing?.attrs?.value_missing !== undefined, 'and marked as received null');
    const rotation = listing['/sample_acquisition_during/sample/transformations/rotation_angle'];
    assert.equal(rotation?.kind, 'group', 'a scanned axis is an NXlog');
    const time = listing['/sample_acquisition_during/sample/transformations/rotation_angle/time'];
    assert.equal(time?.value?.[0], 0, 'log times are relative to @start');
    assert.match(String(time?.attrs?.start?.value[0]), /^\d{4}-\d\d-\d\dT.*(Z|[+-]\d\d:\d\d)$/);
    const bragg =
      listing['/sample_acquisition_start/instrument/monochromator/crystal_1/transformations/bragg'];
    assert.deepEqual(bragg?.attrs?.transformation_type?.value, ['rotation']);
    const root = listing['/']?.attrs;
    for (const name of ['file_name', 'file_time', 'creator']) assert.ok(root?.[name], `@${name}`);
  });

  it('MANACA MX start entry: every datum, devices with no NeXus class of their own included', async () => {
    const scanId = await client.open({ beamline: 'MANACA', proposal: '20231234', technique: 'MX' });
    await client.entry(scanId, fixtureText('manaca-mx-start'));
    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    const listing = await readWithH5py(written.file?.path ?? '');
    const checked = assertHolds(listing, expectedForEntry(entryOf('manaca-mx-start')));
    assert.ok(checked > 20, `checked ${checked} datasets`);
    const type = listing['/sample_acquisition_start/instrument/undulator/type'];
    assert.deepEqual(type?.value, ['undulator']);
    for (const [path, object] of Object.entries(listing)) {
      const nxClass = object.attrs?.NX_class?.value[0];
      if (object.kind === 'group' && path !== '/') {
        assert.ok(
          typeof nxClass === 'string' && !nxClass.startsWith('NXcustom'),
          `${path}@NX_class`,
        );
      }
    }
  });
});
