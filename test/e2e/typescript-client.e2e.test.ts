/**
 * The TypeScript client (clients/typescript) against the real gateway,
 * worker and Redis: a whole MOGNO scan read back with h5py, PVs through a
 * schema, the catalog through its cursor, the errors a user meets, and a
 * gateway restart in the middle of a stream of sends.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { at, attr, readWithH5py } from '#libs/testing/src/h5py.js';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import {
  Gateway,
  GatewayProblem,
  type DeviceEvent,
  type Entry,
} from '../../clients/typescript/src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { writeApiKeysFile } from '../helpers/api-keys-file.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import {
  startRestartableGateway,
  type RestartableGateway,
} from '../helpers/restartable-gateway.js';

const entry = (name: Parameters<typeof fixture>[0]): Entry => fixture(name) as unknown as Entry;

describe('the TypeScript client', () => {
  let open: Harness;
  let keyed: Harness;
  let gateway: Gateway;

  before(async () => {
    open = await startHarness();
    gateway = new Gateway({ url: open.baseUrl });
    const { file } = await writeApiKeysFile([{ id: 'ts', scopes: ['admin'] }]);
    keyed = await startHarness({ worker: false, env: { API_KEYS_FILE: file } });
  });
  after(async () => {
    await open?.close();
    await keyed?.close();
  });

  it('sends a whole MOGNO scan and gets a validated file', { timeout: 60_000 }, async () => {
    const scan = await gateway.openScan({
      beamline: 'MOGNO',
      proposal: '20240123',
      technique: 'CT',
      title: 'rock core A3',
    });
    const start = await gateway.sendEntry(scan.scanId, entry('mogno-tomography-start'));
    assert.equal(start.entry, 'sample_acquisition_start');
    await gateway.sendEntry(scan.scanId, entry('mogno-tomography-during'));
    const device: DeviceEvent = {
      stage: 'sample_positioning',
      moment: 'end',
      eventId: 'mono-1',
      device: fixture('device-snapshot-monochromator') as unknown as DeviceEvent['device'],
    };
    await gateway.sendDevice(scan.scanId, device);
    const closing = await gateway.close(scan.scanId, {
      beamline: 'MOGNO',
      filepath: '/data/a3.nxs',
    });
    assert.equal(closing.status, 'closing');
    const written = await gateway.waitWritten(scan.scanId, 60);
    assert.equal(written.validation?.definition, 'NXtomo');
    assert.equal(written.validation?.errors, 0, JSON.stringify(written.validation));
    assert.equal(written.counts.entries, 2);
    assert.equal(written.counts.devices, 1);

    const file = path.join((await tempDir('ts-client-')).dir, 'scan.nxs');
    await writeFile(file, await gateway.download(scan.scanId));
    const listing = await readWithH5py(file);
    assert.deepEqual(attr(listing, '/entry', 'NX_class').value, ['NXentry']);
    // NXtomo's data group links to the readings where they were written.
    const angles = at(listing, '/entry/data/rotation_angle');
    assert.equal(angles.kind, 'softlink');
    assert.equal(at(listing, angles.target ?? '').kind, 'dataset');
    assert.equal(
      at(listing, '/sample_positioning_end/instrument/monochromator/energy').kind,
      'dataset',
    );
  });

  it('sends PVs through the beamline schema it uploaded', { timeout: 60_000 }, async () => {
    const beamline = `TS${Date.now().toString(36).toUpperCase()}`;
    const csv = await readFile(
      path.join(PROJECT_ROOT, 'test/fixtures/schemas/mogno-metadata.csv'),
      'utf8',
    );
    const version = await gateway.putSchema(beamline, csv);
    assert.equal(version.version, 1);
    assert.equal((await gateway.getSchema(beamline)).version.version, 1);
    const scan = await gateway.openScan({ beamline, proposal: 'ts', technique: 'CT' });
    assert.equal(scan.schema?.version, 1);
    const accepted = await gateway.sendPvs(scan.scanId, {
      stage: 'sample_acquisition',
      moment: 'end',
      values: { 'MGN:A:DCM:Energy_RBV': 22.0 },
    });
    assert.equal(accepted.entry, 'sample_acquisition_end');
    const report = await gateway.report(scan.scanId);
    assert.equal(report.dryRun, true);
  });

  it('walks the whole catalog through its cursor', async () => {
    const proposal = `cat-${Date.now()}`;
    const opened = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      opened.add((await gateway.openScan({ beamline: 'MOGNO', proposal, technique: 'CT' })).scanId);
    }
    const listed: string[] = [];
    for await (const scan of gateway.scans({ proposal, limit: 1 })) listed.push(scan.scanId);
    assert.equal(listed.length, 3, 'each scan once');
    assert.deepEqual(new Set(listed), opened);
  });

  it('throws problems that name what to change', async () => {
    const refused = await gateway
      .openScan({ beamline: 'MOGNO', proposal: 'p', technique: 'ct' as 'CT' })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.ok(refused instanceof GatewayProblem, String(refused));
    assert.equal(refused.status, 422);
    assert.equal(refused.violations[0]?.path, 'technique');
    assert.match(refused.violations[0]?.message ?? '', /did you mean "CT"/);
    assert.match(refused.message, /technique/);
    assert.ok(refused.requestId !== undefined && refused.requestId !== '');

    await assert.rejects(gateway.status('no-such-scan'), { name: 'GatewayProblem', status: 404 });
    const badKey = new Gateway({ url: keyed.baseUrl, apiKey: 'not-a-key' });
    await assert.rejects(badKey.status('no-such-scan'), (error: unknown) => {
      assert.ok(error instanceof GatewayProblem);
      assert.equal(error.status, 401);
      assert.match(error.detail, /API key is not valid/);
      return true;
    });
  });
});

describe('the TypeScript client across a gateway restart', () => {
  const EVENTS = 200;
  const RESTART_AFTER = 50;
  let gateway: RestartableGateway;

  before(async () => {
    gateway = await startRestartableGateway();
  });
  after(async () => gateway?.close());

  it('loses no event and doubles none', { timeout: 120_000 }, async () => {
    let retries = 0;
    const client = new Gateway({
      url: gateway.url,
      retry: { attempts: 60, baseMs: 50, capMs: 500 },
      hooks: { onRetry: () => (retries += 1) },
    });
    const scan = await client.openScan({ beamline: 'MOGNO', proposal: 'restart', technique: 'CT' });
    let restarted: Promise<void> | undefined;
    for (let i = 0; i < EVENTS; i += 1) {
      await client.sendDevice(scan.scanId, {
        stage: 'sample_acquisition',
        moment: 'during',
        eventId: `frame-${i}`,
        timestamp: `2024-04-25T19:00:${String(Math.floor(i / 10)).padStart(2, '0')}.${i % 10}Z`,
        device: { class: 'Detector', name: 'camera', fields: { frame: { value: i } } },
      });
      if (i === RESTART_AFTER) {
        // Not awaited: the next sends meet the gap and must carry themselves over it.
        restarted = gateway.restart();
      }
    }
    await restarted;
    assert.ok(restarted !== undefined, 'the gateway was restarted mid-stream');
    assert.ok(retries > 0, 'the client retried over the restart');
    assert.equal((await client.status(scan.scanId)).counts.devices, EVENTS, 'every event once');
  });
});
