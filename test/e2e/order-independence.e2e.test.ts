/**
 * The file does not depend on the order events arrive in: the same events sent
 * in order, in reverse, and all at once give files with the same content.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deviceEventText, fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { readWithH5py, type H5Listing } from '#libs/testing/src/h5py.js';
import { ScanClient } from '../helpers/scan-client.js';

interface Event {
  route: 'entries' | 'devices';
  text: string;
}

const monochromatorAt = (energy: string, timestamp: string, eventId: string): string =>
  deviceEventText({
    stage: 'sample_acquisition',
    moment: 'start',
    eventId,
    timestamp,
    device: fixtureText('device-snapshot-monochromator').replace('39.0', energy),
  });

const EVENTS: Event[] = [
  { route: 'entries', text: fixtureText('mogno-tomography-start') },
  { route: 'entries', text: fixtureText('mogno-tomography-during') },
  // The same device as in the start entry, read twice more: merged into it.
  { route: 'devices', text: monochromatorAt('39.5', '2026-11-26T10:00:01Z', 'mono-a') },
  { route: 'devices', text: monochromatorAt('40.5', '2026-11-26T10:00:02Z', 'mono-b') },
  {
    route: 'devices',
    text: deviceEventText({ stage: 'dark_field_acquisition', moment: 'end', eventId: 'mono-c' }),
  },
];

/** What must be equal: everything but the names and times that differ per scan by design. */
function comparable(listing: H5Listing, scanId: string): string {
  const rootAttrs = { ...listing['/']?.attrs };
  delete rootAttrs.file_name;
  delete rootAttrs.file_time;
  const objects = { ...listing, '/': { ...listing['/'], attrs: rootAttrs } };
  return JSON.stringify(objects).replaceAll(scanId, '<scanId>');
}

describe('order independence', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    harness = await startHarness();
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  async function scanWith(send: (scanId: string) => Promise<void>): Promise<string> {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'order', technique: 'CT' });
    await send(scanId);
    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    assert.deepEqual(written.counts, { entries: 2, devices: 3 });
    assert.ok(written.file !== undefined);
    return comparable(await readWithH5py(written.file.path), scanId);
  }

  const post = (scanId: string, event: Event): Promise<void> =>
    event.route === 'entries'
      ? client.entry(scanId, event.text)
      : client.device(scanId, event.text);

  it('gives the same file for events in order, reversed, and concurrent', async () => {
    const inOrder = await scanWith(async (scanId) => {
      for (const event of EVENTS) await post(scanId, event);
    });
    const reversed = await scanWith(async (scanId) => {
      for (const event of [...EVENTS].reverse()) await post(scanId, event);
    });
    const concurrent = await scanWith(async (scanId) => {
      await Promise.all(EVENTS.map((event) => post(scanId, event)));
    });
    assert.equal(reversed, inOrder);
    assert.equal(concurrent, inOrder);
    assert.match(inOrder, /sample_acquisition_start/);
    assert.match(inOrder, /dark_field_acquisition_end/);
  });
});
