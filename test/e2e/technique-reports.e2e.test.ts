/**
 * What the validation report tells a user: what the Assonant examples truly
 * lack, what to send when a required item is missing, detector frames reached
 * through an external link, and per-beamline overrides — all through HTTP.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import request from 'supertest';
import { fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient, type ScanStatusBody } from '../helpers/scan-client.js';
import {
  postFixture,
  techniqueFixture,
  writeDetectorFiles,
  type TechniqueFixture,
} from '../helpers/technique-fixtures.js';

type Json = Record<string, unknown>;

const errorsOf = (status: ScanStatusBody): string[] =>
  (status.validation?.findings ?? [])
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.path} ${f.code}`)
    .sort();

/** Every component in the fixture's events, wherever it sits. */
function* components(fixture: TechniqueFixture): Generator<Json> {
  function* walk(component: Json): Generator<Json> {
    yield component;
    for (const sub of Object.values((component.subcomponents ?? {}) as Record<string, Json>)) {
      yield* walk(sub);
    }
  }
  for (const entry of fixture.entries as Json[]) {
    for (const sub of Object.values(
      ((entry.beamline as Json).subcomponents ?? {}) as Record<string, Json>,
    )) {
      yield* walk(sub);
    }
  }
  for (const device of fixture.devices as Json[]) yield* walk(device.device as Json);
}

describe('validation reports through HTTP', () => {
  let harness: Harness;
  let client: ScanClient;
  let detectorDir: string;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
    detectorDir = await mkdtemp(path.join(harness.config.dataRoot, 'detector-'));
  });
  after(async () => harness.close());

  async function writtenScan(fixture: TechniqueFixture): Promise<ScanStatusBody> {
    await writeDetectorFiles(fixture);
    return client.waitWritten(await postFixture(client, fixture));
  }

  /** The MOGNO tomography example of Assonant, as a CT scan, once written. */
  async function writtenMognoExample(): Promise<ScanStatusBody> {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: '20240123', technique: 'CT' });
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    await client.entry(scanId, fixtureText('mogno-tomography-during'));
    await client.close(scanId);
    return client.waitWritten(scanId);
  }

  it('the MOGNO example as NXtomo: only what it truly lacks', async () => {
    const status = await writtenMognoExample();
    assert.equal(status.validation?.definition, 'NXtomo');
    assert.deepEqual(errorsOf(status), []);
    const findings = status.validation?.findings ?? [];
    assert.deepEqual(
      findings.filter((f) => f.code === 'link').map((f) => f.path),
      [],
      'every linked original carries @target',
    );
    for (const finding of findings.filter((f) => f.hint !== undefined)) {
      assert.match(
        finding.code,
        /^missing/,
        `${finding.path}: a "send" hint only for what is missing`,
      );
    }
    assert.ok(!findings.some((f) => f.message.includes('--app')), 'no command-line wording');
  });

  it('writes @target on what the technique entry links to, as h5py reads it', async () => {
    const status = await writtenMognoExample();
    const script =
      'import sys, h5py\n' +
      'f = h5py.File(sys.argv[1], "r")\n' +
      'link = f.get("/entry/sample/rotation_angle", getlink=True)\n' +
      'print(link.path, f["/entry/sample/rotation_angle"].attrs["target"])\n';
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      '-c',
      script,
      status.file?.path ?? '',
    ]);
    const [linkPath, target] = stdout.trim().split(' ');
    assert.ok(linkPath?.startsWith('/sample_acquisition_'), stdout);
    assert.equal(target, linkPath, '@target names the original, where the soft link points');
  });

  it('the MANACA example as NXmx: only what it truly lacks', async () => {
    const scanId = await client.open({ beamline: 'MANACA', proposal: '20231234', technique: 'MX' });
    await client.entry(scanId, fixtureText('manaca-mx-start'));
    await client.close(scanId);
    const status = await client.waitWritten(scanId);
    assert.equal(status.validation?.definition, 'NXmx');
    // The start snapshot has no start time, estimated end, storage ring or frame
    // dataset (its data_file names no dataset), so no module size either.
    assert.deepEqual(errorsOf(status), [
      '/entry/NXdata missing',
      '/entry/NXsource missing',
      '/entry/end_time_estimated missing',
      '/entry/instrument/detector/module/data_size missing',
      '/entry/start_time missing',
    ]);
    const startTime = status.validation?.findings.find((f) => f.path === '/entry/start_time');
    assert.match(startTime?.hint ?? '', /startTime/);
    assert.match(startTime?.message ?? '', /: send /);
  });

  it('names a missing required item and what to send next time', async () => {
    const fixture = techniqueFixture('CT', detectorDir);
    for (const component of components(fixture)) {
      if (component.class === 'Sample') delete (component.positions as Json).rotation_angle;
    }
    const status = await writtenScan(fixture);
    assert.equal(status.status, 'written', 'the file is written all the same');
    assert.ok(
      errorsOf(status).includes('/entry/sample/rotation_angle missing'),
      errorsOf(status).join(),
    );
    const finding = status.validation?.findings.find(
      (f) => f.path === '/entry/sample/rotation_angle' && f.severity === 'error',
    );
    assert.equal(finding?.nxdl, 'NXtomo:/NXentry/sample:NXsample/rotation_angle');
    assert.match(finding?.hint ?? '', /^Sample\.positions\.rotation_angle/);
    assert.match(finding?.message ?? '', /send Sample\.positions\.rotation_angle/);
  });

  it("reaches the detector's own file through an external link, with h5py", async () => {
    const fixture = techniqueFixture('CT', detectorDir);
    const status = await writtenScan(fixture);
    const frames = fixture.detectorFiles?.[0];
    assert.ok(frames !== undefined && status.file !== undefined);
    const script =
      'import sys, h5py\n' +
      'f = h5py.File(sys.argv[1], "r")\n' +
      'link = f.get("/entry/instrument/detector/data", getlink=True)\n' +
      'd = f["/entry/instrument/detector/data"]\n' +
      'print(type(link).__name__, link.filename, list(d.shape), str(d.dtype), int(d[0, 0, 1]))\n';
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      '-c',
      script,
      status.file.path,
    ]);
    const [kind, file, shape, dtype, value] = stdout.trim().split(/ (?![^[]*\])/);
    assert.equal(kind, 'ExternalLink');
    assert.equal(file, frames.path);
    assert.equal(shape, JSON.stringify(frames.shape).replaceAll(',', ', '));
    assert.equal(dtype, frames.dtype);
    assert.equal(value, '1', 'the frame values written by the detector, read through the link');
  });

  it('maps a camera named pco through the MOGNO override file, without code', async () => {
    const fixture = techniqueFixture('CT', detectorDir);
    const renamed = JSON.parse(
      JSON.stringify(fixture).replaceAll('"camera"', '"pco"'),
    ) as TechniqueFixture;
    // A second Detector (a beam viewer) makes the class alone ambiguous: only
    // the name says which one takes the frames.
    for (const entry of renamed.entries as Json[]) {
      const subs = (entry.beamline as Json).subcomponents as Record<string, Json>;
      subs.beam_viewer = {
        class: 'Detector',
        name: 'beam_viewer',
        fields: { gain: { value: 2, unit: null } },
      };
    }
    assert.equal(renamed.scan.beamline, 'MOGNO');
    const override = JSON.parse(await readFile('config/beamlines/MOGNO.json', 'utf8')) as {
      components: Record<string, string>;
    };
    assert.equal(override.components.detector, 'pco');
    const status = await writtenScan(renamed);
    assert.deepEqual(errorsOf(status), []);

    const elsewhere = { ...renamed, scan: { ...renamed.scan, beamline: 'IMBUIA' } };
    const without = await writtenScan(elsewhere);
    assert.ok(
      errorsOf(without).some((e) => e.startsWith('/entry/instrument/detector')),
      'a beamline without the override does not find it',
    );
  });

  it('serves the templates', async () => {
    const list = await request(harness.baseUrl).get('/v1/definitions').expect(200);
    const names = (list.body as { definition: string }[]).map((d) => d.definition).sort();
    assert.deepEqual(names, ['NXarpes', 'NXfluo', 'NXmx', 'NXsas', 'NXstxm', 'NXtomo', 'NXxas']);
    const tomo = await request(harness.baseUrl).get('/v1/definitions/NXtomo').expect(200);
    const items = (tomo.body as { items: { path: string; send: string }[] }).items;
    const rotation = items.find((i) => i.path === 'sample/rotation_angle');
    assert.match(rotation?.send ?? '', /Sample\.positions\.rotation_angle/);
    assertProblem(await request(harness.baseUrl).get('/v1/definitions/NXnothing'), 404);
  });

  it('validates an uploaded file and says the same as the scan status', async () => {
    const status = await writtenScan(techniqueFixture('XAS', detectorDir));
    const bytes = await readFile(status.file?.path ?? '');
    const response = await request(harness.baseUrl)
      .post('/v1/validate')
      .set('content-type', 'application/x-hdf5')
      .send(bytes)
      .expect(200);
    const report = response.body as { errors: number; warnings: number; definitions: unknown[] };
    assert.equal(report.errors, status.validation?.errors);
    assert.equal(report.warnings, status.validation?.warnings);
    const forced = await request(harness.baseUrl)
      .post('/v1/validate')
      .query({ definition: 'NXtomo' })
      .set('content-type', 'application/x-hdf5')
      .send(bytes)
      .expect(200);
    assert.ok((forced.body as { errors: number }).errors > 0, 'an XAS file is no NXtomo');

    const notHdf5 = await request(harness.baseUrl)
      .post('/v1/validate')
      .set('content-type', 'application/x-hdf5')
      .send(Buffer.from('this is not an HDF5 file'));
    const notHdf5Problem = assertProblem(notHdf5, 422);
    assert.match(notHdf5Problem.detail, /not an HDF5 file/);
    const truncated = await request(harness.baseUrl)
      .post('/v1/validate')
      .set('content-type', 'application/x-hdf5')
      .send(bytes.subarray(0, 1024));
    const truncatedProblem = assertProblem(truncated, 422);
    assert.match(truncatedProblem.detail, /looks like HDF5 but cannot be opened/);
    for (const { detail } of [notHdf5Problem, truncatedProblem]) {
      // The library's diagnostics and the server's paths are not the sender's business.
      assert.doesNotMatch(detail, /HDF5-DIAG|\/(tmp|work|home|usr|var)\//, detail);
    }
    const elsewhere = await request(harness.baseUrl)
      .post(`/v1/scans/${status.scanId}/devices`)
      .set('content-type', 'application/x-hdf5')
      .send(bytes);
    assertProblem(elsewhere, 415);
  });
});
