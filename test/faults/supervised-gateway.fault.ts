/**
 * Under `npm start`'s supervisor, a gateway that crashes (SIGKILL, three
 * times) while beamlines are sending is restarted, and ingest goes on: the
 * clients retry until accepted, Redis is never restarted, and every accepted
 * event is in its scan's file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readWithH5py } from '#libs/testing/src/h5py.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { sensorEvent } from './support/sensor-event.js';
import { newTally, postUntilAccepted } from './support/persistent-client.js';

const SCANS = 4;
const EVENTS_PER_SCAN = 40;
const GATEWAY_KILLS = 3;
const INSTRUMENT = '/sample_acquisition_during/instrument/';

describe('a supervised gateway that crashes during ingest', () => {
  let serve: ServeProcess;

  before(async () => {
    serve = await ServeProcess.spawn({ WORKERS: '2' });
    await serve.ready();
  });
  after(async () => serve.stop());

  it('is restarted while ingest continues, and loses nothing', { timeout: 300_000 }, async () => {
    const tally = newTally();
    const base = serve.baseUrl;
    const scanIds = Array.from({ length: SCANS }, (_, i) => `supervised-${i}`);
    for (const scanId of scanIds) {
      const body = JSON.stringify({ scanId, beamline: 'MOGNO', proposal: 'sup', technique: 'CT' });
      await postUntilAccepted(`${base}/v1/scans`, body, tally);
    }

    let sending = true;
    const crashes = (async () => {
      for (let kill = 1; kill <= GATEWAY_KILLS && sending; kill += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        process.kill(await serve.pidOf('gateway', kill), 'SIGKILL');
        await serve.ready(kill + 1);
      }
    })();

    const lanes = scanIds.map(async (scanId, scan) => {
      for (let event = 0; event < EVENTS_PER_SCAN; event += 1) {
        await postUntilAccepted(
          `${base}/v1/scans/${scanId}/devices`,
          sensorEvent(scan, event),
          tally,
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await Promise.all(lanes);
    sending = false;
    await crashes;
    for (const scanId of scanIds)
      await postUntilAccepted(`${base}/v1/scans/${scanId}/close`, '', tally);

    let inFiles = 0;
    for (const [scan, scanId] of scanIds.entries()) {
      const file = await waitWritten(base, scanId);
      const listing = await readWithH5py(file);
      const devices = Object.keys(listing)
        .filter((p) => p.startsWith(`${INSTRUMENT}dev_`) && p.split('/').length === 4)
        .map((p) => Number(p.slice(`${INSTRUMENT}dev_`.length)))
        .sort((a, b) => a - b);
      assert.deepEqual(
        devices,
        Array.from({ length: EVENTS_PER_SCAN }, (_, i) => i),
        scanId,
      );
      assert.deepEqual(listing[`${INSTRUMENT}dev_7/reading`]?.value, [7.5], `${scan}`);
      inFiles += devices.length;
    }

    const kills = (serve.output.match(/gateway exited \(SIGKILL\); restarting it in/g) ?? [])
      .length;
    const redisStarts = (serve.output.match(/Embedded redis-server on/g) ?? []).length;
    process.stdout.write(
      `supervised gateway: killed ${kills} times during ingest, restarted ${kills}; ` +
        `events accepted ${SCANS * EVENTS_PER_SCAN}, in files ${inFiles}; requests ${tally.requests}, ` +
        `connection errors ${tally.connectionErrors}, 503 ${tally.unavailable503}; redis started ${redisStarts} time(s)\n`,
    );
    assert.ok(kills >= 1, 'the gateway was killed while events were being sent');
    assert.equal(redisStarts, 1);
    assert.equal(inFiles, SCANS * EVENTS_PER_SCAN);
  });
});

async function waitWritten(base: string, scanId: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    assert.ok(Date.now() < deadline, `${scanId} not written in time`);
    const response = await fetch(`${base}/v1/scans/${scanId}`).catch(() => undefined);
    if (response?.status === 200) {
      const status = (await response.json()) as {
        status: string;
        file?: { path: string };
        error?: string;
      };
      assert.notEqual(status.status, 'failed', `${scanId}: ${status.error ?? ''}`);
      if (status.status === 'written' && status.file !== undefined) return status.file.path;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
