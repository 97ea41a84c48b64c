import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listSupportedDefinitions, requirementsOf, validateNexusFile } from '../src/index.js';
import { CASES } from './support/cases.js';
import { rootWith, validTomo, withTempDir, writeEntry } from './support/fixtures.js';

function errorKeys(findings: { severity: string; path: string; code: string }[]): string[] {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.path} ${f.code}`)
    .sort();
}

describe('validateNexusFile', () => {
  for (const c of CASES) {
    it(`${c.name}: reports exactly the expected errors`, () =>
      withTempDir(async (dir) => {
        const report = await validateNexusFile(await writeEntry(dir, c.name, c.root()));
        assert.deepEqual(errorKeys(report.findings), [...c.errors].sort());
        assert.equal(report.errors, c.errors.length);
      }));
  }

  it('names the NXDL concept of a missing required field', () =>
    withTempDir(async (dir) => {
      const c = CASES.find((x) => x.name === 'missing-field');
      assert.ok(c);
      const report = await validateNexusFile(await writeEntry(dir, c.name, c.root()));
      const finding = report.findings.find((f) => f.code === 'missing');
      assert.deepEqual(finding && { ...finding, message: undefined }, {
        severity: 'error',
        path: '/entry/sample/name',
        code: 'missing',
        message: undefined,
        nxdl: 'NXtomo:/NXentry/sample:NXsample/name',
        origin: 'application',
      });
    }));

  it('says which definition each entry was validated against', () =>
    withTempDir(async (dir) => {
      const report = await validateNexusFile(await writeEntry(dir, 'tomo', rootWith(validTomo())));
      assert.deepEqual(report.definitions, [
        { entry: '/entry', definition: 'NXtomo', validatedAgainst: 'NXtomo' },
      ]);
    }));

  it('validates against an imposed application definition (enumeration of definition)', () =>
    withTempDir(async (dir) => {
      const file = await writeEntry(dir, 'tomo', rootWith(validTomo()));
      const report = await validateNexusFile(file, { app: 'NXmx' });
      assert.deepEqual(errorKeys(report.findings), [
        '/entry/NXsource missing',
        '/entry/definition enum',
        '/entry/end_time_estimated missing',
        '/entry/instrument/NXbeam missing',
        '/entry/instrument/detector/NXdetector_module missing',
        '/entry/instrument/detector/sensor_material missing',
        '/entry/instrument/detector/sensor_thickness missing',
        '/entry/instrument/name missing',
        '/entry/sample/depends_on missing',
      ]);
      assert.equal(report.warnings, 10);
    }));

  it('warns about a missing @default chain but does not count it as an error', () =>
    withTempDir(async (dir) => {
      const report = await validateNexusFile(
        await writeEntry(dir, 'tomo', rootWith(validTomo(), [])),
      );
      assert.equal(report.errors, 0);
      assert.ok(
        report.findings.some(
          (f) => f.severity === 'warning' && f.path === '/' && f.code === 'default',
        ),
      );
    }));

  it('rejects an application definition it has no rules for', async () => {
    await assert.rejects(
      validateNexusFile('/nonexistent.nxs', { app: 'NXcanSAS' }),
      /not a supported/,
    );
  });
});

describe('rule tables', () => {
  it('lists the supported application definitions', () => {
    assert.deepEqual(listSupportedDefinitions(), [
      'NXarpes',
      'NXfluo',
      'NXmx',
      'NXsas',
      'NXstxm',
      'NXtomo',
      'NXxas',
    ]);
  });

  it('lists what NXtomo requires, with conditional requirements', () => {
    const rows = requirementsOf('NXtomo') ?? [];
    const row = (path: string): unknown => rows.find((r) => r.path === path);
    assert.deepEqual(row('/<any>:NXentry/sample:NXsample/rotation_angle'), {
      path: '/<any>:NXentry/sample:NXsample/rotation_angle',
      type: 'NX_FLOAT',
      units: 'NX_ANGLE',
      requirement: 'required',
      conditional: false,
      notes: 'dims[1]=nFrames',
    });
    assert.equal(requirementsOf('NXnotadefinition'), undefined);
  });
});
