import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AxisJson, ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import { buildScanTree, nodeAt, type NxGroupNode } from '../src/index.js';
import {
  OPTIONS,
  deviceEvent,
  entryEvent,
  eventAt,
  stagedScan,
} from '#libs/testing/src/staged-fixtures.js';
import {
  attrAt,
  attrText,
  classAt,
  datasetAt,
  elements,
  groupAt,
  textAt,
} from './support/tree-access.js';

const E = '/sample_acquisition_start';
const build = (...events: Parameters<typeof stagedScan>[0]): ReturnType<typeof buildScanTree> =>
  buildScanTree(stagedScan(events), OPTIONS);

function entry(
  components: Record<string, ComponentJson>,
  fields: EntryJson['fields'] = {},
): EntryJson {
  return {
    name: 'sample_acquisition_start',
    beamline: { name: 'MOGNO', subcomponents: components },
    fields,
  };
}

function sampleWith(positions: ComponentJson['positions']): ComponentJson {
  return { class: 'Sample', name: 'sample', ...(positions === undefined ? {} : { positions }) };
}

describe('buildScanTree: file and entry metadata', () => {
  it('sets the root attributes and defaults to the first entry in experiment order', () => {
    const { root } = build(
      deviceEvent(
        'a',
        { class: 'Slit', name: 'slit' },
        { stage: 'dark_field_acquisition', moment: 'end' },
      ),
      deviceEvent('b', { class: 'Slit', name: 'slit' }, { moment: 'end' }),
      deviceEvent('c', { class: 'Slit', name: 'slit' }, { moment: 'during' }),
    );
    assert.equal(attrText(root, '/', 'NX_class'), 'NXroot');
    assert.equal(attrText(root, '/', 'file_name'), OPTIONS.fileName);
    assert.equal(attrText(root, '/', 'file_time'), OPTIONS.fileTime);
    assert.equal(attrText(root, '/', 'creator'), OPTIONS.creator);
    assert.equal(attrText(root, '/', 'default'), 'sample_acquisition_during');
    assert.deepEqual([...root.children.keys()].sort(), [
      'dark_field_acquisition_end',
      'sample_acquisition_during',
      'sample_acquisition_end',
    ]);
  });

  it('fills NXentry fields from the scan and names the instrument from it when only devices came', () => {
    const { root, warnings } = build(deviceEvent('d', { class: 'Slit', name: 'slit' }));
    assert.equal(classAt(root, E), 'NXentry');
    assert.equal(textAt(root, `${E}/title`), 'rock core A3');
    assert.equal(textAt(root, `${E}/start_time`), '2024-04-25T16:00:00-03:00');
    assert.equal(textAt(root, `${E}/experiment_identifier`), '20240123');
    assert.equal(textAt(root, `${E}/entry_identifier`), 'scan-0001');
    assert.equal(textAt(root, `${E}/experimental_technique`), 'CT');
    assert.equal(classAt(root, `${E}/instrument`), 'NXinstrument');
    assert.equal(textAt(root, `${E}/instrument/name`), 'MOGNO');
    assert.equal(classAt(root, `${E}/instrument/slit`), 'NXslit');
    assert.deepEqual(warnings, []);
  });

  it('lets an entry field sent by the client win over the scan metadata, keeping both', () => {
    const { root, warnings } = build(
      entryEvent(
        'e1',
        entry({}, { start_time: { value: '2024-04-25T16:05:00-03:00', unit: null } }),
      ),
    );
    assert.equal(textAt(root, `${E}/start_time`), '2024-04-25T16:05:00-03:00');
    assert.equal(classAt(root, `${E}/superseded`), 'NXcollection');
    assert.equal(textAt(root, `${E}/superseded/start_time_1`), '2024-04-25T16:00:00-03:00');
    assert.equal(
      attrText(root, `${E}/superseded/start_time_1`, 'superseded_source'),
      'scan metadata',
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /start_time: event e1 replaced the value from scan metadata/);
  });

  it('warns and writes no NXentry for a scan without events', () => {
    const { root, warnings } = build();
    assert.equal(root.children.size, 0);
    assert.equal(root.attrs.has('default'), false);
    assert.deepEqual(warnings, ['/: the scan has no events, so the file has no NXentry']);
  });
});

describe('buildScanTree: components', () => {
  it('puts samples in the NXentry and everything else in the instrument', () => {
    const { root } = build(
      entryEvent(
        'e1',
        entry({
          sample: {
            class: 'Sample',
            name: 'sample',
            fields: { name: { value: 'lyso', unit: null } },
          },
          dewar: { class: 'Dewar', name: 'dewar' },
          cryojet: { class: 'Cryojet', name: 'cryojet' },
          base: { class: 'GraniteBase', name: 'base' },
        }),
      ),
      deviceEvent('d1', { class: 'Sample', name: 'holder' }),
    );
    assert.equal(classAt(root, `${E}/sample`), 'NXsample');
    assert.equal(textAt(root, `${E}/sample/name`), 'lyso');
    assert.equal(classAt(root, `${E}/holder`), 'NXsample');
    assert.equal(nodeAt(root, `${E}/instrument/sample`), undefined);
    assert.equal(classAt(root, `${E}/instrument/dewar`), 'NXsensor');
    assert.equal(classAt(root, `${E}/instrument/cryojet`), 'NXsensor');
    assert.equal(classAt(root, `${E}/instrument/base`), 'NXcollection');
  });

  it('gives undulators and wigglers their type, a client `type` field winning', () => {
    const { root, warnings } = build(
      entryEvent(
        'e1',
        entry({
          und: { class: 'Undulator', name: 'und' },
          wig: { class: 'Wiggler', name: 'wig' },
          ivu: {
            class: 'Undulator',
            name: 'ivu',
            fields: { type: { value: 'in-vacuum undulator', unit: null } },
          },
        }),
      ),
    );
    assert.equal(classAt(root, `${E}/instrument/und`), 'NXinsertion_device');
    assert.equal(textAt(root, `${E}/instrument/und/type`), 'undulator');
    assert.equal(textAt(root, `${E}/instrument/wig/type`), 'wiggler');
    assert.equal(textAt(root, `${E}/instrument/ivu/type`), 'in-vacuum undulator');
    assert.equal(textAt(root, `${E}/instrument/ivu/superseded/type_1`), 'undulator');
    assert.equal(warnings.length, 1);
  });

  it('merges a Beamline-class device into the instrument', () => {
    const { root } = build(
      deviceEvent('d1', {
        class: 'Beamline',
        name: 'MOGNO',
        fields: { status: { value: 'open', unit: null } },
        subcomponents: { slit: { class: 'Slit', name: 'slit' } },
      }),
    );
    assert.equal(textAt(root, `${E}/instrument/name`), 'MOGNO');
    assert.equal(textAt(root, `${E}/instrument/status`), 'open');
    assert.equal(classAt(root, `${E}/instrument/slit`), 'NXslit');
  });

  it('maps invalid NeXus names to valid ones and says so', () => {
    const { root, warnings } = build(
      deviceEvent('d1', {
        class: 'Slit',
        name: 'slit 1',
        fields: { 'gap (h)': { value: 1.5, unit: 'mm', extra_metadata: { 'pv-name': 'S:G' } } },
      }),
    );
    assert.deepEqual(elements(datasetAt(root, `${E}/instrument/slit_1/gap__h_`).value), [1.5]);
    assert.equal(attrText(root, `${E}/instrument/slit_1/gap__h_`, 'pv_name'), 'S:G');
    assert.equal(warnings.length, 3);
  });
});

describe('buildScanTree: merging events', () => {
  const mono = (energy: number, extra: Partial<ComponentJson> = {}): ComponentJson => ({
    class: 'Monochromator',
    name: 'mono',
    fields: { energy: { value: energy, unit: 'keV' }, mode: { value: 'si111', unit: null } },
    ...extra,
  });

  it('merges two device events by name, the later one winning and the earlier kept', () => {
    const { root, warnings } = build(
      deviceEvent(
        'late',
        mono(22.5, { subcomponents: { xtal: { class: 'MonochromatorCrystal', name: 'xtal' } } }),
        {
          timestamp: '2024-04-25T19:00:01Z',
        },
      ),
      deviceEvent('early', mono(22.0), { timestamp: '2024-04-25T19:00:00Z' }),
    );
    const m = `${E}/instrument/mono`;
    assert.deepEqual(elements(datasetAt(root, `${m}/energy`).value), [22.5]);
    assert.equal(textAt(root, `${m}/mode`), 'si111');
    assert.equal(classAt(root, `${m}/xtal`), 'NXcrystal');
    assert.equal(classAt(root, `${m}/superseded`), 'NXcollection');
    const kept = datasetAt(root, `${m}/superseded/energy_1`);
    assert.deepEqual(elements(kept.value), [22.0]);
    assert.equal(attrText(root, `${m}/superseded/energy_1`, 'units'), 'keV');
    assert.equal(
      attrText(root, `${m}/superseded/energy_1`, 'superseded_source'),
      'event early (2024-04-25T19:00:00Z)',
    );
    assert.deepEqual(warnings, [
      `${m}/energy: event late (2024-04-25T19:00:01Z) replaced the value from event early ` +
        `(2024-04-25T19:00:00Z); the earlier value is kept at ${m}/superseded/energy_1`,
    ]);
  });

  it('orders undated before dated events, then by eventId, entries before devices', () => {
    const { root } = build(
      deviceEvent('a', mono(4.0), { timestamp: '2024-04-25T19:00:00.000002Z' }),
      deviceEvent('z', mono(2.0)),
      deviceEvent('b', mono(3.0), { timestamp: '2024-04-25T19:00:00.000001Z' }),
      deviceEvent('y', mono(1.0)),
      entryEvent('zz', entry({ mono: mono(0.5) })),
    );
    const m = `${E}/instrument/mono`;
    assert.deepEqual(elements(datasetAt(root, `${m}/energy`).value), [4.0]);
    const history = [1, 2, 3, 4].map(
      (n) => elements(datasetAt(root, `${m}/superseded/energy_${n}`).value)[0],
    );
    assert.deepEqual(history, [0.5, 1.0, 2.0, 3.0]);
  });

  it('stores a repeated identical value once, without warning', () => {
    const { root, warnings } = build(deviceEvent('a', mono(22.0)), deviceEvent('b', mono(22.0)));
    assert.deepEqual(warnings, []);
    assert.equal(nodeAt(root, `${E}/instrument/mono/superseded`), undefined);
  });

  it('replaces a time series whole rather than splicing it', () => {
    const series = (values: number[]): ComponentJson => ({
      class: 'StorageRing',
      name: 'ring',
      fields: {
        current: {
          value: { value: values, unit: 'mA' },
          timestamps: { value: values.map((_, i) => 1714060800 + i), unit: 's' },
        },
      },
    });
    const { root } = build(
      deviceEvent('a', series([100.0, 99.9])),
      deviceEvent('b', series([99.8, 99.7])),
    );
    const r = `${E}/instrument/ring`;
    assert.deepEqual(elements(datasetAt(root, `${r}/current/value`).value), [99.8, 99.7]);
    assert.equal(classAt(root, `${r}/superseded/current_1`), 'NXlog');
    assert.deepEqual(
      elements(datasetAt(root, `${r}/superseded/current_1/value`).value),
      [100.0, 99.9],
    );
  });

  it('files values superseded while building an event next to the earlier ones', () => {
    const undulator = (gap: number): ComponentJson => ({
      class: 'Undulator',
      name: 'ivu',
      fields: { type: { value: 'in-vacuum', unit: null }, gap: { value: gap, unit: 'mm' } },
    });
    const { root } = build(deviceEvent('a', undulator(5.0)), deviceEvent('b', undulator(6.0)));
    const u = `${E}/instrument/ivu`;
    assert.equal(textAt(root, `${u}/type`), 'in-vacuum');
    assert.deepEqual(elements(datasetAt(root, `${u}/gap`).value), [6.0]);
    const kept = [...groupAt(root, `${u}/superseded`).children.keys()].sort();
    assert.deepEqual(kept, ['gap_1', 'type_1', 'type_1_1']);
    assert.equal(attrText(root, `${u}/superseded/type_1_1`, 'superseded_source'), 'event b');
    assert.equal(nodeAt(root, `${u}/superseded_1`), undefined);
  });

  it('keeps a received item named like the superseded collection', () => {
    const { root } = build(
      deviceEvent('a', mono(1.0)),
      deviceEvent('b', mono(2.0)),
      deviceEvent('c', {
        class: 'Monochromator',
        name: 'mono',
        fields: { superseded: { value: 'yes', unit: null } },
      }),
    );
    const m = `${E}/instrument/mono`;
    assert.equal(textAt(root, `${m}/superseded`), 'yes');
    assert.deepEqual(elements(datasetAt(root, `${m}/superseded_1/energy_1`).value), [1.0]);
  });
});

describe('buildScanTree: geometry', () => {
  const T = `${E}/sample/transformations`;

  it('resolves a depends_on chain and points the component at its first axis', () => {
    const { root, warnings } = build(
      entryEvent(
        'e1',
        entry({
          sample: sampleWith({
            omega: {
              value: { value: 10.0, unit: 'deg' },
              transformation_type: 'rotation',
              vector: [-1, 0, 0],
              depends_on: 'x',
            },
            x: {
              value: { value: 0.5, unit: 'mm' },
              transformation_type: 'translation',
              offset: [0, 0, 1.5],
              offset_units: 'mm',
              depends_on: 'y',
            },
            y: { value: { value: -0.5, unit: 'mm' }, transformation_type: 'translation' },
          }),
        }),
      ),
    );
    assert.deepEqual(warnings, []);
    assert.equal(textAt(root, `${E}/sample/depends_on`), `${T}/omega`);
    assert.equal(attrText(root, `${T}/omega`, 'depends_on'), `${T}/x`);
    assert.equal(attrText(root, `${T}/x`, 'depends_on'), `${T}/y`);
    assert.equal(attrText(root, `${T}/y`, 'depends_on'), '.');
    assert.deepEqual(elements(attrAt(root, `${T}/omega`, 'vector')), [-1, 0, 0]);
    assert.deepEqual(elements(attrAt(root, `${T}/x`, 'offset')), [0, 0, 1.5]);
    assert.equal(attrText(root, `${T}/x`, 'offset_units'), 'mm');
  });

  it('writes no component depends_on when unlinked axes leave the order unknown', () => {
    const { root } = build(
      entryEvent(
        'e1',
        entry({
          sample: sampleWith({
            x: { value: { value: 0.5, unit: 'mm' }, transformation_type: 'translation' },
            phi: { value: { value: 5.0, unit: 'deg' }, transformation_type: 'rotation' },
          }),
        }),
      ),
    );
    assert.equal(nodeAt(root, `${E}/sample/depends_on`), undefined);
    assert.equal(datasetAt(root, `${T}/x`).attrs.has('depends_on'), false);
    assert.deepEqual(elements(attrAt(root, `${T}/x`, 'vector')), [1, 0, 0]);
    assert.deepEqual(elements(attrAt(root, `${T}/phi`, 'vector')), [0, 1, 0]);
  });

  it('replaces an unresolvable or looping depends_on by "." and keeps the received one', () => {
    const axis = (dependsOn: string): AxisJson => ({
      value: { value: 1.0, unit: 'mm' },
      transformation_type: 'translation',
      depends_on: dependsOn,
    });
    const { root, warnings } = build(
      entryEvent(
        'e1',
        entry({ sample: sampleWith({ a: axis('b'), b: axis('a'), c: axis('nowhere') }) }),
      ),
    );
    assert.equal(attrText(root, `${T}/c`, 'depends_on'), '.');
    assert.equal(attrText(root, `${T}/c`, 'depends_on_unresolved'), 'nowhere');
    assert.equal(attrText(root, `${T}/a`, 'depends_on'), `${T}/b`);
    assert.equal(attrText(root, `${T}/b`, 'depends_on'), '.');
    assert.equal(attrText(root, `${T}/b`, 'depends_on_unresolved'), 'a');
    assert.equal(warnings.length, 2);
  });

  it('puts a scanned axis in an NXlog whose value carries the transformation', () => {
    const { root } = build(
      deviceEvent(
        'd1',
        sampleWith({
          rotation_angle: {
            value: {
              value: { value: [0.0, 0.5, 1.0], unit: 'deg' },
              timestamps: { value: [1714060800.0, 1714060800.5, 1714060801.0], unit: 's' },
            },
            transformation_type: 'rotation',
          },
        }),
        { moment: 'during' },
      ),
    );
    const S = '/sample_acquisition_during/sample';
    assert.equal(classAt(root, `${S}/transformations/rotation_angle`), 'NXlog');
    const value = `${S}/transformations/rotation_angle/value`;
    assert.equal(attrText(root, value, 'transformation_type'), 'rotation');
    assert.equal(attrText(root, value, 'units'), 'deg');
    assert.equal(attrText(root, value, 'depends_on'), '.');
    assert.equal(textAt(root, `${S}/depends_on`), value);
  });

  it('renames a received depends_on field that names no transformation', () => {
    const { root, warnings } = build(
      deviceEvent('d1', {
        class: 'Detector',
        name: 'det',
        fields: { depends_on: { value: 'transformations/missing', unit: null } },
      }),
    );
    const D = `${E}/instrument/det`;
    assert.equal(nodeAt(root, `${D}/depends_on`), undefined);
    assert.equal(textAt(root, `${D}/depends_on_unresolved`), 'transformations/missing');
    assert.equal(warnings.length, 1);
  });
});

describe('buildScanTree: determinism', () => {
  it('builds the same tree and warnings whatever the event order', () => {
    const events = [
      deviceEvent('a', { class: 'Slit', name: 's', fields: { gap: { value: 1.0, unit: 'mm' } } }),
      deviceEvent('b', { class: 'Slit', name: 's', fields: { gap: { value: 2.0, unit: 'mm' } } }),
      deviceEvent(
        'c',
        { class: 'Slit', name: 's', fields: { gap: { value: 3.0, unit: 'mm' } } },
        {
          timestamp: '2024-04-25T19:00:00Z',
        },
      ),
      entryEvent(
        'e',
        entry({ s: { class: 'Slit', name: 's', fields: { gap: { value: 0.0, unit: 'mm' } } } }),
      ),
    ];
    const reference = build(...events);
    for (const order of [
      [3, 2, 1, 0],
      [1, 3, 0, 2],
      [2, 0, 3, 1],
    ]) {
      const shuffled = build(...order.map((i) => eventAt(events, i)));
      assert.deepEqual(shuffled.warnings, reference.warnings);
      assert.ok(sameTree(shuffled.root, reference.root));
    }
  });
});

function sameTree(a: NxGroupNode, b: NxGroupNode): boolean {
  return JSON.stringify(a, replacer) === JSON.stringify(b, replacer);
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map)
    return [...(value as Map<string, unknown>)].sort(([x], [y]) => (x < y ? -1 : 1));
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<unknown>, String);
  return value;
}
