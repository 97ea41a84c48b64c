/**
 * A hand-made scan written to a real file and read back with h5py: every value,
 * dtype, unit and attribute as another HDF5 implementation sees it.
 */
import type { StagedEvent } from '#libs/model/src/scan/index.js';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { describe, it } from 'node:test';
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import { buildScanTree, writeNexusFile } from '../src/index.js';
import {
  OPTIONS,
  deviceEvent,
  entryEvent,
  eventAt,
  parseAssonantJson,
  stagedScan,
} from '#libs/testing/src/staged-fixtures.js';
import { at, attr, readWithH5py, tempDir, type H5Listing } from '#libs/testing/src/h5py.js';

// Written as JSON text so that numbers arrive exactly as the worker parses them.
const ENTRY = parseAssonantJson(`{
  "name": "sample_acquisition_start",
  "beamline": {
    "name": "MANACA",
    "subcomponents": {
      "undulator": { "class": "Undulator", "name": "undulator",
        "fields": { "gap": { "value": 9.85, "unit": "mm", "extra_metadata": { "pv_name": "ID:Gap" } } } },
      "dewar": { "class": "Dewar", "name": "dewar", "fields": { "puck": { "value": "A", "unit": null } } },
      "cryojet": { "class": "Cryojet", "name": "cryojet",
        "fields": { "temperature": { "value": 100.0, "unit": "K" } } },
      "sample": { "class": "Sample", "name": "sample",
        "fields": { "name": { "value": "lysozyme", "unit": null } },
        "positions": {
          "omega": { "value": { "value": 10.5, "unit": "deg" }, "transformation_type": "rotation",
                     "vector": [-1, 0, 0], "depends_on": "x" },
          "x": { "value": { "value": 0.25, "unit": "mm" }, "transformation_type": "translation",
                 "offset": [0, 0, 1.5], "offset_units": "mm", "depends_on": "y" },
          "y": { "value": { "value": -0.5, "unit": "mm" }, "transformation_type": "translation" } } },
      "detector": { "class": "Detector", "name": "detector",
        "positions": { "distance": { "value": { "value": 250.0, "unit": "mm" },
                                     "transformation_type": "translation" } },
        "fields": {
          "big": { "value": 3000000000, "unit": null },
          "huge": { "value": 9007199254740993, "unit": null },
          "energy": { "value": 3.0, "unit": "keV" },
          "label": { "value": "Pilatus ü ✓", "unit": null },
          "image": { "value": [[1, 2, 3], [4, 5, 6]], "unit": "counts" },
          "mixed": { "value": [1, 2.5], "unit": null },
          "names": { "value": [["a", "b"], ["c", "d"]], "unit": null },
          "flags": { "value": [true, false, true], "unit": null },
          "enabled": { "value": true, "unit": null },
          "missing": { "value": null, "unit": "mm" },
          "partial": { "value": [1.5, null, 2.5], "unit": "mm" },
          "ragged": { "value": [[1], [2, 3]], "unit": null },
          "settings": { "value": 1.0, "unit": null, "extra_metadata": {
            "pv_name": "DET:Set", "frames": 2048, "gain": 1.5, "tags": ["x", "y"],
            "nothing": null, "units": "angstrom, deg" } }
        } }
    }
  },
  "fields": { "proposal_id": { "value": "20240456", "unit": null } }
}`) as EntryJson;

const MONO = (energy: string, xtal: boolean): ComponentJson =>
  parseAssonantJson(`{ "class": "Monochromator", "name": "mono",
    "fields": { "energy": { "value": ${energy}, "unit": "keV" } },
    "subcomponents": ${xtal ? '{ "xtal": { "class": "MonochromatorCrystal", "name": "xtal" } }' : '{}'} }`) as ComponentJson;

const RING = parseAssonantJson(`{ "class": "StorageRing", "name": "ring", "fields": {
  "current": {
    "value": { "value": [100.2, 100.1, 99.9], "unit": "mA", "extra_metadata": { "pv_name": "SI:Current" } },
    "timestamps": { "value": [1714060800.0, 1714060800.5, 1714060801.25], "unit": "s",
                    "extra_metadata": { "clock": "ntp" } } },
  "counts": {
    "value": { "value": [5, 6], "unit": null },
    "timestamps": { "value": [1714060800, 1714060802], "unit": null } } } }`) as ComponentJson;

const EVENTS: StagedEvent[] = [
  entryEvent('entry-1', ENTRY),
  deviceEvent('mono-late', MONO('22.5', true), { timestamp: '2024-04-25T19:00:01Z' }),
  deviceEvent('mono-early', MONO('22.0', false), { timestamp: '2024-04-25T19:00:00Z' }),
  deviceEvent('ring-1', RING, { moment: 'during' }),
];
const SCAN = stagedScan(EVENTS, { beamline: 'MANACA', proposal: '20240456', technique: 'MX' });

const E = '/sample_acquisition_start';
const DET = `${E}/instrument/detector`;

describe('a hand-made scan read back with h5py', () => {
  let file: H5Listing;
  let warnings: string[];
  let cleanup: () => Promise<void>;

  before(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const built = buildScanTree(SCAN, OPTIONS);
    warnings = built.warnings;
    const path = join(temp.dir, 'scan.nxs');
    await writeNexusFile(built.root, path);
    file = await readWithH5py(path);
  });
  after(() => cleanup());

  it('writes the root attributes', () => {
    assert.deepEqual(attr(file, '/', 'NX_class').value, ['NXroot']);
    assert.deepEqual(attr(file, '/', 'file_name').value, [OPTIONS.fileName]);
    assert.deepEqual(attr(file, '/', 'file_time').value, [OPTIONS.fileTime]);
    assert.deepEqual(attr(file, '/', 'creator').value, [OPTIONS.creator]);
    assert.deepEqual(attr(file, '/', 'default').value, ['sample_acquisition_start']);
    assert.match(String(attr(file, '/', 'HDF5_Version').value[0]), /^\d+\.\d+\.\d+/);
  });

  it('writes every group with its NX_class', () => {
    const groups = Object.entries(file).filter(([, o]) => o.kind === 'group');
    for (const [path, group] of groups) assert.ok(group.attrs?.NX_class, `${path} has no NX_class`);
    const classOf = (path: string): unknown => attr(file, path, 'NX_class').value[0];
    assert.equal(classOf(E), 'NXentry');
    assert.equal(classOf(`${E}/instrument`), 'NXinstrument');
    assert.equal(classOf(`${E}/instrument/undulator`), 'NXinsertion_device');
    assert.equal(classOf(`${E}/instrument/dewar`), 'NXsensor');
    assert.equal(classOf(`${E}/instrument/cryojet`), 'NXsensor');
    assert.equal(classOf(`${E}/sample`), 'NXsample');
    assert.equal(classOf(`${E}/sample/transformations`), 'NXtransformations');
    assert.equal(classOf(DET), 'NXdetector');
  });

  it('writes the entry fields and the instrument name', () => {
    assert.deepEqual(at(file, `${E}/proposal_id`).value, ['20240456']);
    assert.deepEqual(at(file, `${E}/experiment_identifier`).value, ['20240456']);
    assert.deepEqual(at(file, `${E}/entry_identifier`).value, ['scan-0001']);
    assert.deepEqual(at(file, `${E}/start_time`).value, ['2024-04-25T16:00:00-03:00']);
    assert.deepEqual(at(file, `${E}/title`).value, ['rock core A3']);
    assert.deepEqual(at(file, `${E}/instrument/name`).value, ['MANACA']);
    assert.deepEqual(at(file, `${E}/instrument/undulator/type`).value, ['undulator']);
    assert.equal(at(file, `${E}/sample`).kind, 'group');
    assert.equal(file[`${E}/instrument/sample`], undefined);
  });

  it('keeps integers exact as int64 and floats as float64', () => {
    assert.deepEqual(pick(at(file, `${DET}/big`)), {
      dtype: 'int64',
      shape: [],
      value: ['3000000000'],
    });
    assert.deepEqual(pick(at(file, `${DET}/huge`)), {
      dtype: 'int64',
      shape: [],
      value: ['9007199254740993'],
    });
    assert.deepEqual(pick(at(file, `${DET}/energy`)), { dtype: 'float64', shape: [], value: [3] });
    assert.deepEqual(pick(at(file, `${DET}/mixed`)), {
      dtype: 'float64',
      shape: [2],
      value: [1, 2.5],
    });
  });

  it('writes units only where a unit was sent', () => {
    assert.deepEqual(attr(file, `${DET}/energy`, 'units').value, ['keV']);
    assert.equal(at(file, `${DET}/big`).attrs?.units, undefined);
    assert.equal(at(file, `${DET}/big`).attrs?.unit, undefined);
    assert.equal(at(file, `${DET}/label`).attrs?.units, undefined);
  });

  it('writes strings as variable-length UTF-8, scalar and 2-D', () => {
    assert.deepEqual(pick(at(file, `${DET}/label`)), {
      dtype: 'string(utf-8,vlen)',
      shape: [],
      value: ['Pilatus ü ✓'],
    });
    assert.deepEqual(pick(at(file, `${DET}/names`)), {
      dtype: 'string(utf-8,vlen)',
      shape: [2, 2],
      value: ['a', 'b', 'c', 'd'],
    });
  });

  it('writes N-D numeric arrays with their shape', () => {
    assert.deepEqual(pick(at(file, `${DET}/image`)), {
      dtype: 'int64',
      shape: [2, 3],
      value: ['1', '2', '3', '4', '5', '6'],
    });
    assert.deepEqual(attr(file, `${DET}/image`, 'units').value, ['counts']);
  });

  it('writes booleans as uint8 0/1', () => {
    assert.deepEqual(pick(at(file, `${DET}/flags`)), {
      dtype: 'uint8',
      shape: [3],
      value: ['1', '0', '1'],
    });
    assert.deepEqual(pick(at(file, `${DET}/enabled`)), { dtype: 'uint8', shape: [], value: ['1'] });
  });

  it('writes null as NaN and says so', () => {
    assert.deepEqual(pick(at(file, `${DET}/missing`)), {
      dtype: 'float64',
      shape: [],
      value: ['NaN'],
    });
    assert.deepEqual(attr(file, `${DET}/missing`, 'value_missing').value, ['null received']);
    assert.deepEqual(attr(file, `${DET}/missing`, 'units').value, ['mm']);
    assert.deepEqual(pick(at(file, `${DET}/partial`)), {
      dtype: 'float64',
      shape: [3],
      value: [1.5, 'NaN', 2.5],
    });
    assert.deepEqual(attr(file, `${DET}/partial`, 'value_missing').value, [
      'null received for 1 of 3 elements (written as NaN)',
    ]);
  });

  it('keeps a ragged array as JSON text and warns', () => {
    assert.deepEqual(at(file, `${DET}/ragged`).value, ['[[1],[2,3]]']);
    assert.deepEqual(attr(file, `${DET}/ragged`, 'value_encoding').value, ['json']);
    assert.ok(warnings.includes(`${DET}/ragged: ragged nested array: stored as JSON text`));
  });

  it('writes extra_metadata as typed attributes', () => {
    const s = `${DET}/settings`;
    assert.deepEqual(attr(file, s, 'pv_name'), {
      dtype: 'string(utf-8,vlen)',
      shape: [],
      value: ['DET:Set'],
    });
    assert.deepEqual(attr(file, s, 'frames'), { dtype: 'int64', shape: [], value: ['2048'] });
    assert.deepEqual(attr(file, s, 'gain'), { dtype: 'float64', shape: [], value: [1.5] });
    assert.deepEqual(attr(file, s, 'tags'), {
      dtype: 'string(utf-8,vlen)',
      shape: [2],
      value: ['x', 'y'],
    });
    assert.deepEqual(attr(file, s, 'nothing'), { dtype: 'float64', shape: [], value: ['NaN'] });
    assert.deepEqual(attr(file, s, 'units').value, ['angstrom, deg']);
    assert.deepEqual(attr(file, `${E}/instrument/undulator/gap`, 'pv_name').value, ['ID:Gap']);
  });

  it('writes a TimeSeries as NXlog with relative time and an ISO start', () => {
    const log = '/sample_acquisition_during/instrument/ring/current';
    assert.deepEqual(attr(file, log, 'NX_class').value, ['NXlog']);
    assert.deepEqual(pick(at(file, `${log}/value`)), {
      dtype: 'float64',
      shape: [3],
      value: [100.2, 100.1, 99.9],
    });
    assert.deepEqual(attr(file, `${log}/value`, 'units').value, ['mA']);
    assert.deepEqual(attr(file, `${log}/value`, 'pv_name').value, ['SI:Current']);
    assert.deepEqual(pick(at(file, `${log}/time`)), {
      dtype: 'float64',
      shape: [3],
      value: [0, 0.5, 1.25],
    });
    assert.deepEqual(attr(file, `${log}/time`, 'units').value, ['s']);
    assert.deepEqual(attr(file, `${log}/time`, 'start').value, ['2024-04-25T16:00:00Z']);
    assert.deepEqual(attr(file, `${log}/time`, 'clock').value, ['ntp']);
  });

  it('keeps integer timestamps exact and defaults the time unit to seconds', () => {
    const log = '/sample_acquisition_during/instrument/ring/counts';
    assert.deepEqual(pick(at(file, `${log}/value`)), {
      dtype: 'int64',
      shape: [2],
      value: ['5', '6'],
    });
    assert.deepEqual(pick(at(file, `${log}/time`)), {
      dtype: 'int64',
      shape: [2],
      value: ['0', '2'],
    });
    assert.deepEqual(attr(file, `${log}/time`, 'units').value, ['s']);
    assert.deepEqual(attr(file, `${log}/time`, 'start').value, ['2024-04-25T16:00:00Z']);
  });

  it('writes positions as a resolved transformation chain', () => {
    const T = `${E}/sample/transformations`;
    assert.deepEqual(at(file, `${E}/sample/depends_on`).value, [`${T}/omega`]);
    assert.deepEqual(attr(file, `${T}/omega`, 'transformation_type').value, ['rotation']);
    assert.deepEqual(attr(file, `${T}/omega`, 'vector'), {
      dtype: 'float64',
      shape: [3],
      value: [-1, 0, 0],
    });
    assert.deepEqual(attr(file, `${T}/omega`, 'units').value, ['deg']);
    assert.deepEqual(attr(file, `${T}/omega`, 'depends_on').value, [`${T}/x`]);
    assert.deepEqual(attr(file, `${T}/x`, 'offset').value, [0, 0, 1.5]);
    assert.deepEqual(attr(file, `${T}/x`, 'offset_units').value, ['mm']);
    assert.deepEqual(attr(file, `${T}/x`, 'vector').value, [1, 0, 0]);
    assert.deepEqual(attr(file, `${T}/x`, 'depends_on').value, [`${T}/y`]);
    assert.deepEqual(attr(file, `${T}/y`, 'vector').value, [0, 1, 0]);
    assert.deepEqual(attr(file, `${T}/y`, 'depends_on').value, ['.']);
    assert.deepEqual(at(file, `${DET}/depends_on`).value, [`${DET}/transformations/distance`]);
    assert.deepEqual(attr(file, `${DET}/transformations/distance`, 'vector').value, [0, 0, 1]);
  });

  it('merges the two monochromator events, keeping the superseded energy', () => {
    const m = `${E}/instrument/mono`;
    assert.deepEqual(at(file, `${m}/energy`).value, [22.5]);
    assert.deepEqual(attr(file, `${m}/xtal`, 'NX_class').value, ['NXcrystal']);
    assert.deepEqual(attr(file, `${m}/superseded`, 'NX_class').value, ['NXcollection']);
    assert.deepEqual(at(file, `${m}/superseded/energy_1`).value, [22.0]);
    assert.deepEqual(attr(file, `${m}/superseded/energy_1`, 'superseded_source').value, [
      'event mono-early (2024-04-25T19:00:00Z)',
    ]);
    assert.ok(warnings.some((w) => w.startsWith(`${m}/energy: event mono-late`)));
  });

  it('writes the same content whatever the order of the events', async () => {
    const temp = await tempDir();
    try {
      const listings: H5Listing[] = [];
      for (const [n, order] of [
        [3, 1, 0, 2],
        [2, 3, 1, 0],
      ].entries()) {
        const scan = stagedScan(
          order.map((i) => eventAt(EVENTS, i)),
          { beamline: 'MANACA', proposal: '20240456', technique: 'MX' },
        );
        const fileTime = `2030-01-0${n + 1}T00:00:00Z`;
        const { root } = buildScanTree(scan, { ...OPTIONS, fileTime });
        const path = join(temp.dir, `shuffled-${n}.nxs`);
        await writeNexusFile(root, path);
        listings.push(withoutFileTime(await readWithH5py(path)));
      }
      assert.deepEqual(listings[0], withoutFileTime(file));
      assert.deepEqual(listings[1], withoutFileTime(file));
    } finally {
      await temp.cleanup();
    }
  });
});

function pick(object: { dtype?: string; shape?: number[]; value?: unknown[] }): object {
  return { dtype: object.dtype, shape: object.shape, value: object.value };
}

function withoutFileTime(listing: H5Listing): H5Listing {
  const root = at(listing, '/');
  const attrs = { ...root.attrs };
  delete attrs.file_time;
  return { ...listing, '/': { ...root, attrs } };
}
