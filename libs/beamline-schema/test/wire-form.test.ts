/**
 * Assonant's wire form made whole by a beamline schema: every example, with
 * its classes, units and timestamps stripped as Assonant's sender strips
 * them, gets back the classes and units of its full form; what the schema
 * cannot resolve is named by JSON path.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseJsonPreservingIntegers } from '#libs/staging/src/parse-staged.js';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { loadComponent, loadEntry } from '#libs/testing/src/staged-fixtures.js';
import { wireComponent, wireEntry } from '#libs/testing/src/wire-form.js';
import {
  indexSchema,
  parseSchemaCsv,
  resolveDeviceEvent,
  resolveEntry,
  type SchemaIndex,
} from '../src/index.js';

type Json = Record<string, unknown>;

const schemaOf = (file: string, beamline: string): SchemaIndex => {
  const parsed = parseSchemaCsv(
    readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/schemas', file)),
  );
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return indexSchema(beamline, parsed.schema);
};
const MOGNO = schemaOf('mogno-metadata.csv', 'MOGNO');
const MANACA = schemaOf('manaca-metadata.csv', 'MANACA');

/** Every component's class and every field's unit, by path: what a file's groups and units follow. */
function classesAndUnits(component: unknown, at: string, out: Map<string, unknown>): void {
  const c = component as Json;
  out.set(`${at}@class`, c.class ?? 'Beamline');
  for (const kind of ['fields', 'positions'] as const) {
    for (const [key, item] of Object.entries((c[kind] ?? {}) as Json)) {
      let field = (kind === 'positions' ? (item as Json).value : item) as Json;
      if ('timestamps' in field) field = field.value as Json;
      // A unit may come as an attribute named units, as the MANACA unit cell's does.
      const units = (field.extra_metadata as Json | undefined)?.units;
      out.set(`${at}.${kind}.${key}@unit`, field.unit ?? units ?? null);
    }
  }
  for (const [key, child] of Object.entries((c.subcomponents ?? {}) as Json)) {
    classesAndUnits(child, `${at}.${key}`, out);
  }
}

const hasClassKey = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (Object.hasOwn(value, 'class') || Object.values(value).some(hasClassKey));

const entryShape = (entry: Json): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  classesAndUnits(entry.beamline, 'beamline', out);
  return out;
};

describe("Assonant's wire form with a beamline schema", () => {
  it('keeps test/fixtures/assonant-wire the wire form of each full-form example', async () => {
    for (const name of [
      'mogno-tomography-start.json',
      'mogno-tomography-during.json',
      'manaca-mx-start.json',
    ]) {
      const committed = parseJsonPreservingIntegers(
        readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/assonant-wire', name), 'utf8'),
      );
      assert.deepEqual(committed, wireEntry((await loadEntry(name)) as unknown as Json), name);
    }
  });

  for (const [file, index] of [
    ['mogno-tomography-start.json', MOGNO],
    ['mogno-tomography-during.json', MOGNO],
    ['manaca-mx-start.json', MANACA],
  ] as const) {
    it(`gives ${file} back the classes and units of its full form`, async () => {
      const full = (await loadEntry(file)) as unknown as Json;
      const wire = wireEntry(full);
      assert.equal(hasClassKey(wire), false, 'the wire form carries no class');
      const resolved = resolveEntry(wire, index);
      assert.deepEqual(resolved.problems, []);
      assert.deepEqual(entryShape(resolved.value as Json), entryShape(full));
    });
  }

  it('writes a time series that lost its timestamps as a plain array, with a warning', async () => {
    const wire = wireEntry((await loadEntry('mogno-tomography-during.json')) as unknown as Json);
    const resolved = resolveEntry(wire, MOGNO);
    const energy = (
      (
        (resolved.value as { beamline: { subcomponents: Json } }).beamline.subcomponents
          .monochromator as Json
      ).fields as Json
    ).energy as Json;
    assert.deepEqual(Object.keys(energy).sort(), ['extra_metadata', 'unit', 'value']);
    assert.ok(Array.isArray(energy.value));
    assert.equal(energy.unit, 'keV');
    assert.ok(
      resolved.warnings.some((warning) =>
        warning.startsWith(
          'beamline.subcomponents.monochromator.fields.energy: a time series without its timestamps',
        ),
      ),
      resolved.warnings.join('\n'),
    );
  });

  it('resolves a bare device by its name, and adds the PV name as an attribute', async () => {
    const device = wireComponent(await loadComponent('device-snapshot-monochromator.json'));
    const resolved = resolveDeviceEvent(
      { stage: 'sample_positioning', moment: 'end', device },
      MOGNO,
    );
    assert.deepEqual(resolved.problems, []);
    const value = resolved.value as { device: Json };
    assert.equal(value.device.class, 'Monochromator');
    const fields = value.device.fields as Record<string, Json>;
    assert.equal(fields.energy?.unit, 'keV');
    assert.deepEqual(fields.energy?.extra_metadata, { pv_name: 'MGN:A:DCM:Energy_RBV' });
    assert.deepEqual(fields.mode?.extra_metadata, { pv_name: 'MGN:A:DCM:Mode_RBV' });
  });

  it('keeps a unit sent, and warns when the schema says another', () => {
    const resolved = resolveDeviceEvent(
      {
        stage: 'sample_positioning',
        moment: 'end',
        device: { name: 'monochromator', fields: { energy: { value: 22000, unit: 'eV' } } },
      },
      MOGNO,
    );
    const device = (resolved.value as { device: { fields: Record<string, Json> } }).device;
    assert.equal(device.fields.energy?.unit, 'eV');
    assert.deepEqual(resolved.warnings, [
      'device.fields.energy: unit "eV" sent where the MOGNO schema (line 6) says "keV"; "eV" is written',
    ]);
  });

  it('names the JSON path of a component the schema does not list', () => {
    const resolved = resolveEntry(
      {
        name: 'sample_acquisition_start',
        beamline: {
          name: 'MOGNO',
          subcomponents: { camera: { name: 'camera' }, robot: { name: 'robot' } },
        },
      },
      MOGNO,
    );
    assert.deepEqual(resolved.problems, [
      {
        path: 'beamline.subcomponents.robot',
        message: 'no class; send `class` or add `robot` to the MOGNO schema',
      },
    ]);
    const none = resolveEntry(
      { name: 'x', beamline: { name: 'MOGNO', subcomponents: { camera: { name: 'camera' } } } },
      indexSchema('MOGNO', undefined),
    );
    assert.match(none.problems[0]?.message ?? '', /upload a MOGNO schema that lists `camera`/);
  });

  it('leaves the full form as it is, but for what the schema adds', async () => {
    const full = (await loadEntry('mogno-tomography-start.json')) as unknown as Json;
    const resolved = resolveEntry(full, MOGNO);
    assert.deepEqual(resolved.problems, []);
    assert.deepEqual(resolved.warnings, []);
    assert.deepEqual(entryShape(resolved.value as Json), entryShape(full));
  });
});
