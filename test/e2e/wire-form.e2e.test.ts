/**
 * Low invasive for real: what Assonant's own sender emits (no classes, no
 * units, no TimeSeries timestamps) is accepted on the same routes with a
 * beamline schema, and gives a file with the same groups, NeXus classes and
 * units as the full form; read back by h5py. Without a schema, the 422 names
 * the JSON path and says what to do.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readWithH5py, type H5Listing } from '#libs/testing/src/h5py.js';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { wireComponent, wireEntry } from '#libs/testing/src/wire-form.js';
import { fixture, type FixtureName } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

const schemaCsv = (file: string): Buffer =>
  readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/schemas', file));

/**
 * Every group's NX_class and every dataset's units, by path: what the two
 * forms must share. The one difference the wire form makes on purpose: a
 * TimeSeries that lost its timestamps is a plain dataset where the full form
 * has an NXlog, so an NXlog counts as its `value` (a dataset, with its units).
 */
function shapeOf(listing: H5Listing): Map<string, string> {
  const shape = new Map<string, string>();
  const nxClass = (where: string): string =>
    String(listing[where]?.attrs?.NX_class?.value[0] ?? '');
  for (const [where, object] of Object.entries(listing)) {
    if (where.startsWith('/entry')) continue; // The technique entry is compared through its sources.
    const parent = where.slice(0, where.lastIndexOf('/'));
    if (nxClass(parent) === 'NXlog') {
      if (where.endsWith('/value')) shape.set(parent, unitsOf(listing, where));
      continue;
    }
    if (object.kind === 'group' && nxClass(where) !== 'NXlog') shape.set(where, nxClass(where));
    if (object.kind === 'dataset') shape.set(where, unitsOf(listing, where));
  }
  return shape;
}

const unitsOf = (listing: H5Listing, where: string): string =>
  `units ${String(listing[where]?.attrs?.units?.value[0] ?? '-')}`;

interface Example {
  beamline: string;
  technique: string;
  schema: string;
  entries: FixtureName[];
}

const EXAMPLES: Example[] = [
  {
    beamline: 'MOGNO',
    technique: 'CT',
    schema: 'mogno-metadata.csv',
    entries: ['mogno-tomography-start', 'mogno-tomography-during'],
  },
  {
    beamline: 'MANACA',
    technique: 'MX',
    schema: 'manaca-metadata.csv',
    entries: ['manaca-mx-start'],
  },
];

describe("Assonant's wire form", () => {
  let harness: Harness;
  let client: ScanClient;
  const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  /** Opens a scan, posts its events (entries and the monochromator device), closes it, reads its file. */
  async function scanFile(
    beamline: string,
    example: Example,
    form: (entry: Record<string, unknown>) => Record<string, unknown>,
    device: (component: unknown) => unknown,
  ): Promise<{ listing: H5Listing; warnings: string[] }> {
    const scanId = await client.open({ beamline, proposal: 'wire', technique: example.technique });
    for (const name of example.entries) {
      await client.entry(scanId, JSON.stringify(form(fixture(name))));
    }
    if (example.beamline === 'MOGNO') {
      const body = {
        stage: 'sample_positioning',
        moment: 'end',
        device: device(fixture('device-snapshot-monochromator')),
      };
      await client.device(scanId, JSON.stringify(body));
    }
    await client.close(scanId);
    const status = await client.waitWritten(scanId);
    return { listing: await readWithH5py(status.file?.path ?? ''), warnings: status.warnings };
  }

  for (const example of EXAMPLES) {
    it(`writes ${example.entries.join(' + ')} sent as the wire form like the full form`, async () => {
      const beamline = `${example.beamline}${suffix}`;
      // The full form, as sent today: before the beamline has a schema.
      const full = await scanFile(
        beamline,
        example,
        (entry) => entry,
        (component) => component,
      );
      await client.putSchema(beamline, schemaCsv(example.schema));
      const wire = await scanFile(beamline, example, wireEntry, wireComponent);

      assert.deepEqual(shapeOf(wire.listing), shapeOf(full.listing));
      const root = wire.listing['/']?.attrs ?? {};
      assert.equal(root.beamline_schema?.value[0], `${beamline} version 1`);
      assert.match(String(root.beamline_schema_sha256?.value[0]), /^[0-9a-f]{64}$/);
      if (example.beamline === 'MOGNO') {
        assert.ok(
          wire.warnings.some((warning) =>
            warning.includes('monochromator.fields.energy: a time series without its timestamps'),
          ),
          wire.warnings.join('\n'),
        );
        // The schema's PV name is an attribute where the wire form lost it.
        const slit = wire.listing['/sample_acquisition_start/instrument/slit_1/x_gap'];
        assert.equal(slit?.attrs?.pv_name?.value[0], 'MGN:A:SLIT1:XGap_RBV');
      }
    });
  }

  it('answers 422 naming the JSON path when a component has no class and no schema lists it', async () => {
    const beamline = `NOSCHEMA${suffix}`;
    const scanId = await client.open({ beamline, proposal: 'wire', technique: 'CT' });
    const entry = wireEntry(fixture('mogno-tomography-start'));
    const problem = assertProblem(
      await client.postJson(`/v1/scans/${scanId}/entries`, JSON.stringify(entry)),
      422,
    );
    const camera = problem.violations?.find(
      (violation) => violation.path === 'beamline.subcomponents.camera.class',
    );
    assert.ok(camera, JSON.stringify(problem.violations));
    assert.match(
      camera.message,
      /^beamline\.subcomponents\.camera: no class; send `class`, or upload a .* schema that lists `camera`/,
    );
    assert.equal(
      problem.violations?.filter((violation) => violation.path === camera.path).length,
      1,
      'a missing class is named once',
    );
  });

  it('names what the schema does not list, and other rules broken on the way', async () => {
    const beamline = `PARTIAL${suffix}`;
    await client.putSchema(beamline, schemaCsv('mogno-metadata.csv'));
    const scanId = await client.open({ beamline, proposal: 'wire', technique: 'CT' });
    const body = {
      stage: 'sample_positioning',
      moment: 'sideways',
      device: { name: 'robot', fields: { arm: { value: 1 } } },
    };
    const problem = assertProblem(
      await client.postJson(`/v1/scans/${scanId}/devices`, JSON.stringify(body)),
      422,
    );
    const paths = problem.violations?.map((violation) => violation.path) ?? [];
    assert.ok(paths.includes('device.class'), paths.join(', '));
    assert.ok(paths.includes('moment'), paths.join(', '));
    assert.match(
      problem.violations?.find((violation) => violation.path === 'device.class')?.message ?? '',
      new RegExp(`add \`robot\` to the ${beamline} schema`),
    );
  });

  it("takes Assonant's ExperimentDone as the body of close, for the scan's own beamline", async () => {
    const beamline = `DONE${suffix}`;
    const scanId = await client.open({ beamline, proposal: 'wire', technique: 'CT' });
    const done = fixture('experiment-done-event');
    const other = assertProblem(
      await client.postJson(`/v1/scans/${scanId}/close`, JSON.stringify(done)),
      422,
    );
    assert.equal(other.violations?.[0]?.path, 'beamline');
    assert.match(
      other.detail,
      new RegExp(`names beamline MOGNO; scan ${scanId} is of ${beamline}`),
    );
    const notDone = assertProblem(
      await client.postJson(`/v1/scans/${scanId}/close`, JSON.stringify({ beamline })),
      422,
    );
    assert.ok(notDone.violations?.some((violation) => violation.path === 'filepath'));
    assert.equal((await client.status(scanId)).status, 'open', 'a refused close leaves it open');

    const body = { ...done, beamline: beamline.toLowerCase() };
    await client.postJson(`/v1/scans/${scanId}/close`, JSON.stringify(body)).expect(202);
    const status = (await client.status(scanId)) as unknown as {
      experimentDone: { filepath: string };
    };
    assert.equal(status.experimentDone.filepath, done.filepath);
  });

  it('takes how a run ended as the body of close, and keeps it in the status and the file', async () => {
    const scanId = await client.open({
      beamline: `END${suffix}`,
      proposal: 'wire',
      technique: 'CT',
    });
    await client.entry(scanId, JSON.stringify(fixture('mogno-tomography-start')));
    const refused = assertProblem(
      await client.postJson(`/v1/scans/${scanId}/close`, JSON.stringify({ exitStatus: 'crashed' })),
      422,
    );
    assert.equal(refused.violations?.[0]?.path, 'exitStatus');
    const end = { exitStatus: 'fail', reason: 'the detector stopped answering' };
    await client.postJson(`/v1/scans/${scanId}/close`, JSON.stringify(end)).expect(202);
    const status = await client.waitWritten(scanId);
    assert.deepEqual((status as unknown as { runEnd: unknown }).runEnd, end);
    const root = (await readWithH5py(status.file?.path ?? ''))['/']?.attrs ?? {};
    assert.equal(root.exit_status?.value[0], 'fail');
    assert.equal(root.exit_reason?.value[0], 'the detector stopped answering');
  });
});
