/**
 * The Assonant 2.7.1 example payloads (with our `class` keys) written to files and
 * read back with h5py.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { describe, it } from 'node:test';
import { buildScanTree, writeNexusFile } from '../src/index.js';
import {
  OPTIONS,
  deviceEvent,
  entryEvent,
  loadComponent,
  loadEntry,
  stagedScan,
} from '#libs/testing/src/staged-fixtures.js';
import { at, attr, readWithH5py, tempDir, type H5Listing } from '#libs/testing/src/h5py.js';

describe('Assonant examples read back with h5py', () => {
  let mogno: H5Listing;
  let manaca: H5Listing;
  const warnings: string[][] = [];
  let cleanup: () => Promise<void>;

  before(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const write = async (name: string, scan: ReturnType<typeof stagedScan>): Promise<H5Listing> => {
      const built = buildScanTree(scan, OPTIONS);
      warnings.push(built.warnings);
      const path = join(temp.dir, name);
      await writeNexusFile(built.root, path);
      return readWithH5py(path);
    };
    mogno = await write(
      'mogno.nxs',
      stagedScan([
        entryEvent('start', await loadEntry('mogno-tomography-start.json')),
        entryEvent('during', await loadEntry('mogno-tomography-during.json')),
        deviceEvent('mono', await loadComponent('device-snapshot-monochromator.json'), {
          moment: 'end',
          timestamp: '2024-04-25T19:10:00Z',
        }),
      ]),
    );
    manaca = await write(
      'manaca.nxs',
      stagedScan([entryEvent('start', await loadEntry('manaca-mx-start.json'))], {
        beamline: 'MANACA',
        proposal: '20240456',
        technique: 'MX',
        title: 'lysozyme',
        startTime: undefined,
      }),
    );
  });
  after(() => cleanup());

  it('maps the examples without a single warning', () => {
    assert.deepEqual(warnings, [[], []]);
  });

  it('writes the MOGNO start snapshot', () => {
    const E = '/sample_acquisition_start';
    const I = `${E}/instrument`;
    assert.deepEqual(at(mogno, `${I}/name`).value, ['MOGNO']);
    assert.deepEqual(attr(mogno, `${I}/storage_ring`, 'NX_class').value, ['NXsource']);
    assert.deepEqual(at(mogno, `${I}/storage_ring/energy`).dtype, 'float64');
    assert.deepEqual(at(mogno, `${I}/storage_ring/energy`).value, [3]);
    assert.deepEqual(attr(mogno, `${I}/storage_ring/energy`, 'units').value, ['GeV']);
    assert.deepEqual(attr(mogno, `${I}/storage_ring/current`, 'pv_name').value, [
      'SI-Glob:AP-CurrInfo:Current-Mon',
    ]);
    assert.deepEqual(attr(mogno, `${I}/monochromator/crystal_1`, 'NX_class').value, ['NXcrystal']);
    assert.deepEqual(at(mogno, `${I}/monochromator/crystal_1/depends_on`).value, [
      `${I}/monochromator/crystal_1/transformations/bragg`,
    ]);
    const camera = `${I}/camera`;
    assert.deepEqual(attr(mogno, camera, 'NX_class').value, ['NXdetector']);
    assert.equal(at(mogno, `${camera}/number_of_projections`).dtype, 'int64');
    assert.deepEqual(at(mogno, `${camera}/number_of_projections`).value, ['2048']);
    assert.deepEqual(at(mogno, `${camera}/dark_field_mean`).shape, [4, 4]);
    assert.deepEqual(at(mogno, `${camera}/dark_field_mean`).value?.slice(0, 4), [
      '101',
      '99',
      '100',
      '102',
    ]);
    assert.deepEqual(attr(mogno, `${camera}/data_file`, 'dataset').value, ['/entry/data/data']);
    assert.deepEqual(attr(mogno, `${camera}/data_file`, 'frames').value, ['2048']);
    assert.equal(at(mogno, `${camera}/model`).attrs?.units, undefined);
    assert.deepEqual(at(mogno, `${E}/sample/name`).value, ['rock_core_A3']);
    assert.deepEqual(attr(mogno, `${E}/sample/transformations/rotation_angle`, 'stage').value, [
      'air-bearing rotation stage',
    ]);
  });

  it('writes the MOGNO time series as NXlogs', () => {
    const D = '/sample_acquisition_during';
    const energy = `${D}/instrument/monochromator/energy`;
    assert.deepEqual(attr(mogno, energy, 'NX_class').value, ['NXlog']);
    assert.deepEqual(
      at(mogno, `${energy}/value`).value,
      [22.0, 22.001, 21.999, 22.0, 22.002, 22.0],
    );
    assert.deepEqual(attr(mogno, `${energy}/value`, 'units').value, ['keV']);
    assert.deepEqual(at(mogno, `${energy}/time`).value, [0, 0.5, 1, 1.5, 2, 2.5]);
    assert.deepEqual(attr(mogno, `${energy}/time`, 'start').value, ['2024-04-25T16:00:00Z']);
    assert.deepEqual(attr(mogno, `${energy}/time`, 'epoch').value, ['1970-01-01T00:00:00Z']);
    const rotation = `${D}/sample/transformations/rotation_angle`;
    assert.deepEqual(attr(mogno, rotation, 'NX_class').value, ['NXlog']);
    assert.deepEqual(attr(mogno, `${rotation}/value`, 'transformation_type').value, ['rotation']);
    assert.deepEqual(at(mogno, `${D}/sample/depends_on`).value, [`${rotation}/value`]);
    assert.equal(at(mogno, `${D}/instrument/camera/frame_number/value`).dtype, 'int64');
  });

  it('writes the device snapshot, its null as NaN with a marker', () => {
    const m = '/sample_acquisition_end/instrument/monochromator';
    assert.deepEqual(at(mogno, `${m}/energy`).value, [39]);
    assert.deepEqual(at(mogno, `${m}/in_position`).value, ['NaN']);
    assert.deepEqual(attr(mogno, `${m}/in_position`, 'value_missing').value, ['null received']);
    assert.deepEqual(at(mogno, `${m}/mode`).value, ['monochromatic']);
    assert.deepEqual(attr(mogno, `${m}/transformations/perpendicular`, 'units').value, ['mm']);
    assert.deepEqual(at(mogno, '/sample_acquisition_end/instrument/name').value, ['MOGNO']);
  });

  it('writes the MANACA MX snapshot', () => {
    const E = '/sample_acquisition_start';
    const I = `${E}/instrument`;
    assert.deepEqual(at(manaca, `${I}/name`).value, ['MANACA']);
    assert.deepEqual(attr(manaca, `${I}/undulator`, 'NX_class').value, ['NXinsertion_device']);
    assert.deepEqual(at(manaca, `${I}/undulator/type`).value, ['undulator']);
    assert.deepEqual(attr(manaca, `${I}/cryojet`, 'NX_class').value, ['NXsensor']);
    assert.deepEqual(attr(manaca, `${I}/dewar`, 'NX_class').value, ['NXsensor']);
    assert.deepEqual(at(manaca, `${I}/dewar/pin_position`).value, ['3']);
    assert.deepEqual(at(manaca, `${I}/beam/flux`).value, [1.2e12]);
    assert.equal(at(manaca, `${I}/beam/flux`).dtype, 'float64');
    assert.deepEqual(at(manaca, `${I}/pilatus/number_of_images`).value, ['3600']);
    assert.deepEqual(at(manaca, `${I}/pilatus/depends_on`).value, [
      `${I}/pilatus/transformations/detector_distance`,
    ]);
    const T = `${E}/sample/transformations`;
    for (const axis of ['omega', 'kappa', 'phi', 'x', 'y', 'z']) {
      assert.equal(at(manaca, `${T}/${axis}`).dtype, 'float64');
      assert.ok(at(manaca, `${T}/${axis}`).attrs?.vector, `${axis} has a vector`);
    }
    assert.deepEqual(attr(manaca, `${E}/sample/unit_cell`, 'units').value, ['angstrom, deg']);
    assert.deepEqual(at(manaca, `${E}/title`).value, ['lysozyme']);
    assert.equal(manaca[`${E}/start_time`], undefined);
  });
});
