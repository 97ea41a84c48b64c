/**
 * PV snapshots: what an EPICS or Tango script can send with no data classes.
 * The same readings posted as PVs and as an Entry give the same file, read
 * back by h5py, every object, value, unit and attribute; a PV the schema does
 * not list is a 422 naming it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readWithH5py, type H5Listing } from '#libs/testing/src/h5py.js';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

interface CompletenessBody {
  schemaVersion: number;
  moments: {
    entry: string;
    expected: number;
    arrived: number;
    items: { path: string; pv?: string; arrived: boolean }[];
  }[];
}

const MOGNO_CSV = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/schemas/mogno-metadata.csv'));

/** What differs between two scans by design: their ids, file names and times. */
const PER_SCAN = new Set(['file_name', 'file_time']);

function comparable(listing: H5Listing): H5Listing {
  const out: H5Listing = {};
  for (const [where, object] of Object.entries(listing)) {
    if (where.endsWith('/entry_identifier')) continue;
    const attrs = Object.fromEntries(
      Object.entries(object.attrs ?? {}).filter(([name]) => where !== '/' || !PER_SCAN.has(name)),
    );
    out[where] = { ...object, attrs };
  }
  return out;
}

describe('PV snapshots', () => {
  let harness: Harness;
  let client: ScanClient;
  const beamline = `PVS${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
    await client.putSchema(beamline, MOGNO_CSV);
  });
  after(async () => harness.close());

  const open = (): Promise<string> => client.open({ beamline, proposal: 'pvs', technique: 'CT' });

  let lastStatus: Awaited<ReturnType<ScanClient['status']>> | undefined;
  async function fileOf(scanId: string): Promise<H5Listing> {
    await client.close(scanId);
    lastStatus = await client.waitWritten(scanId);
    return comparable(await readWithH5py(lastStatus.file?.path ?? ''));
  }

  it('places each PV where the equivalent Entry puts the reading', async () => {
    const byPvs = await open();
    await client
      .postJson(
        `/v1/scans/${byPvs}/pvs`,
        `{"stage":"sample_acquisition","moment":"start","values":{
          "MGN:A:DCM:Energy_RBV":22.0,
          "MGN:A:DCM:Bragg_RBV":5.1,
          "MGN:A:SLIT1:XGap_RBV":1.5,
          "MGN:B:SMP:X_RBV":0.125,
          "MGN:B:CAM:AcquireTime_RBV":0.05,
          "SI-Glob:AP-CurrInfo:Current-Mon":100.2}}`,
      )
      .expect(202);
    await client
      .postJson(
        `/v1/scans/${byPvs}/pvs`,
        `{"stage":"sample_acquisition","moment":"during","values":{
          "MGN:B:RotStage:Angle_RBV":{"value":[0.0,0.5,1.0],"timestamps":[1714060800.0,1714060800.5,1714060801.0]}}}`,
      )
      .expect(202);

    const byEntry = await open();
    const field = (value: string, unit: string, pv: string): string =>
      `{"value":${value},"unit":"${unit}","extra_metadata":{"pv_name":"${pv}"}}`;
    await client.entry(
      byEntry,
      `{"name":"sample_acquisition_start","beamline":{"name":"${beamline}","subcomponents":{
        "monochromator":{"class":"Monochromator","name":"monochromator",
          "fields":{"energy":${field('22.0', 'keV', 'MGN:A:DCM:Energy_RBV')}},
          "subcomponents":{"crystal_1":{"class":"MonochromatorCrystal","name":"crystal_1",
            "positions":{"bragg":{"value":${field('5.1', 'deg', 'MGN:A:DCM:Bragg_RBV')},"transformation_type":"rotation"}}}}},
        "slit_1":{"class":"Slit","name":"slit_1","fields":{"x_gap":${field('1.5', 'mm', 'MGN:A:SLIT1:XGap_RBV')}}},
        "sample":{"class":"Sample","name":"sample",
          "positions":{"x":{"value":${field('0.125', 'mm', 'MGN:B:SMP:X_RBV')},"transformation_type":"translation"}}},
        "camera":{"class":"Detector","name":"camera","fields":{"exposure_time":${field('0.05', 's', 'MGN:B:CAM:AcquireTime_RBV')}}},
        "storage_ring":{"class":"StorageRing","name":"storage_ring","fields":{"current":${field('100.2', 'mA', 'SI-Glob:AP-CurrInfo:Current-Mon')}}}}}}`,
    );
    await client.entry(
      byEntry,
      `{"name":"sample_acquisition_during","beamline":{"name":"${beamline}","subcomponents":{
        "sample":{"class":"Sample","name":"sample","positions":{"rotation_angle":{"value":{
          "value":${field('[0.0,0.5,1.0]', 'deg', 'MGN:B:RotStage:Angle_RBV')},
          "timestamps":{"value":[1714060800.0,1714060800.5,1714060801.0],"unit":"s"}},
          "transformation_type":"rotation"}}}}}}`,
    );

    const pvsFile = await fileOf(byPvs);
    const report = (lastStatus as unknown as { completeness: CompletenessBody }).completeness;
    assert.equal(report.schemaVersion, 1);
    const start = report.moments.find((moment) => moment.entry === 'sample_acquisition_start');
    const arrived = start?.items.filter((item) => item.arrived).map((item) => item.path);
    assert.deepEqual(arrived, [
      'storage_ring/current',
      'monochromator/energy',
      'monochromator/crystal_1/bragg',
      'slit_1/x_gap',
      'sample/x',
      'camera/exposure_time',
    ]);
    assert.equal(start?.arrived, 6);
    assert.ok((start?.expected ?? 0) > 6, 'the rest of what the schema lists is missing');
    assert.deepEqual(
      start?.items.find((item) => item.path === 'monochromator/wavelength'),
      { path: 'monochromator/wavelength', pv: 'MGN:A:DCM:Wavelength_RBV', arrived: false },
    );
    const during = report.moments.find((moment) => moment.entry === 'sample_acquisition_during');
    assert.deepEqual(
      during?.items.filter((item) => item.arrived).map((item) => item.path),
      ['sample/rotation_angle'],
    );
    assert.equal(
      report.moments.some((moment) => moment.entry === 'sample_acquisition_end'),
      true,
      'the end of a stage with events is listed, arrived or not',
    );
    const entryFile = await fileOf(byEntry);
    assert.deepEqual(pvsFile, entryFile);
    // And the PVs are where the schema says, as h5py reads them.
    const energy = pvsFile['/sample_acquisition_start/instrument/monochromator/energy'];
    assert.deepEqual(energy?.value, [22]);
    assert.equal(energy?.dtype, 'float64');
    assert.equal(energy?.attrs?.units?.value[0], 'keV');
    assert.equal(energy?.attrs?.pv_name?.value[0], 'MGN:A:DCM:Energy_RBV');
    const rotation = pvsFile['/sample_acquisition_during/sample/transformations/rotation_angle'];
    assert.equal(rotation?.attrs?.NX_class?.value[0], 'NXlog');
    assert.equal(
      pvsFile['/sample_acquisition_start/sample/transformations/x']?.attrs?.transformation_type
        ?.value[0],
      'translation',
    );
  });

  it('names a PV the schema does not list, and refuses samples at a snapshot moment', async () => {
    const scanId = await open();
    const unknown = assertProblem(
      await client.postJson(
        `/v1/scans/${scanId}/pvs`,
        JSON.stringify({
          stage: 'sample_acquisition',
          moment: 'start',
          values: {
            'MGN:A:DCM:Energy_RBX': 22,
            'MGN:B:SMP:X_RBV': { value: [1], timestamps: [1] },
          },
        }),
      ),
      422,
    );
    const byPath = new Map(unknown.violations?.map((v) => [v.path, v.message]));
    assert.match(
      byPath.get('values.MGN:A:DCM:Energy_RBX') ?? '',
      /MGN:A:DCM:Energy_RBX is not in the PVS\w+ schema; did you mean "MGN:A:DCM:Energy_RBV"\?/,
    );
    assert.match(byPath.get('values.MGN:B:SMP:X_RBV') ?? '', /belong to a during moment/);

    const badShape = assertProblem(
      await client.postJson(
        `/v1/scans/${scanId}/pvs`,
        JSON.stringify({
          stage: 'sample_acquisition',
          moment: 'during',
          values: { 'MGN:B:RotStage:Angle_RBV': { value: [1, 2], timestamps: [1] } },
        }),
      ),
      422,
    );
    assert.match(badShape.violations?.[0]?.message ?? '', /one time per sample: 1 times for 2/);
    const badName = assertProblem(
      await client.postJson(
        `/v1/scans/${scanId}/pvs`,
        JSON.stringify({ stage: 'sample_acquisition', moment: 'start', values: { 'MGN A': 1 } }),
      ),
      422,
    );
    assert.equal(badName.violations?.[0]?.rule, 'isPvName', JSON.stringify(badName.violations));
    assert.match(badName.violations?.[0]?.message ?? '', /no spaces/);
    const status = await client.status(scanId);
    assert.equal(status.counts.devices, 0, 'nothing refused was staged');
  });

  it('answers 422 for a scan opened without a schema', async () => {
    const scanId = await client.open({
      beamline: `${beamline}X`,
      proposal: 'pvs',
      technique: 'CT',
    });
    const problem = assertProblem(
      await client.postJson(
        `/v1/scans/${scanId}/pvs`,
        JSON.stringify({ stage: 'sample_acquisition', moment: 'start', values: { A: 1 } }),
      ),
      422,
    );
    assert.match(problem.type, /schema-not-pinned$/);
    assert.match(problem.detail, /PUT \/v1\/beamlines\/PVS\w+X\/schema/);
  });
});
