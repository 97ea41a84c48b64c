/**
 * Under `npm start`'s supervisor, the worker process SIGKILLed in the middle
 * of a large write (as an h5wasm abort that takes the whole process down
 * would end it): the supervisor restarts it, the job comes back through
 * BullMQ's stall check, the scan is written, and its status says that the
 * attempt before did not finish because its worker process stopped.
 */
import assert from 'node:assert/strict';
import { existsSync, watch } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readWithH5py } from '#libs/testing/src/h5py.js';
import { fixtureText } from '../helpers/fixtures.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { newTally, postUntilAccepted } from './support/persistent-client.js';

/** Samples in the scan's trace: enough for a write long enough to be killed in. */
const TRACE_LENGTH = 1_500_000;
const SCAN_ID = 'killed-mid-write';
const PROPOSAL = 'kill';

function traceEvent(): string {
  const samples = Array.from({ length: TRACE_LENGTH }, (_, i) => (i % 1000) + 0.25);
  return JSON.stringify({
    stage: 'sample_acquisition',
    moment: 'during',
    eventId: 'trace',
    device: {
      class: 'Detector',
      name: 'trace',
      fields: { samples: { value: samples, unit: 'counts' } },
    },
  });
}

/** Resolves with the name of the first temporary file that appears in `dir`. */
function firstTemporary(dir: string): Promise<string> {
  return new Promise((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name?.endsWith('.tmp') === true) {
        watcher.close();
        resolve(path.join(dir, name));
      }
    });
  });
}

describe('a worker process killed mid-write', () => {
  let serve: ServeProcess;

  before(async () => {
    serve = await ServeProcess.spawn({
      WORKERS: '1',
      WRITE_LOCK_MS: '3000',
      BODY_LIMIT_BYTES: String(32 * 1024 * 1024),
    });
    await serve.ready();
  });
  after(async () => serve.stop());

  it('is restarted, writes the file, and the status says why the first attempt ended', async () => {
    const base = serve.baseUrl;
    const tally = newTally();
    const open = JSON.stringify({
      scanId: SCAN_ID,
      beamline: 'MOGNO',
      proposal: PROPOSAL,
      technique: 'CT',
    });
    await postUntilAccepted(`${base}/v1/scans`, open, tally);
    await postUntilAccepted(
      `${base}/v1/scans/${SCAN_ID}/entries`,
      fixtureText('mogno-tomography-start'),
      tally,
    );
    await postUntilAccepted(`${base}/v1/scans/${SCAN_ID}/devices`, traceEvent(), tally);

    const dir = path.join(serve.dataRoot, 'MOGNO', PROPOSAL);
    await mkdir(dir, { recursive: true });
    const writing = firstTemporary(dir);
    const pid = await serve.pidOf('worker 1', 1);
    await postUntilAccepted(`${base}/v1/scans/${SCAN_ID}/close`, '', tally);
    const temporary = await writing;
    process.kill(pid, 'SIGKILL');
    assert.ok(existsSync(temporary), 'the worker was killed while its file was being written');

    await serve.waitFor(/worker 1 exited \(SIGKILL\); restarting it in/);
    assert.notEqual(await serve.pidOf('worker 1', 2), pid);
    const status = await waitWritten(base, SCAN_ID);
    assert.match(
      status.warnings[0] ?? '',
      new RegExp(
        '^written after a failed attempt: the previous write attempt \\(attempt 1, started [^)]+\\) ' +
          `did not finish: the worker process stopped \\(pid ${pid} on [^)]+\\) while writing$`,
      ),
    );
    const listing = await readWithH5py(status.file.path);
    assert.equal(
      listing['/sample_acquisition_during/instrument/trace/samples']?.shape?.[0],
      TRACE_LENGTH,
    );
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.endsWith('.tmp')),
      [],
      'the killed write left no temporary file',
    );
  });
});

interface WrittenStatus {
  warnings: string[];
  file: { path: string };
}

async function waitWritten(base: string, scanId: string): Promise<WrittenStatus> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    assert.ok(Date.now() < deadline, `${scanId} not written in time`);
    const response = await fetch(`${base}/v1/scans/${scanId}?wait=30`).catch(() => undefined);
    if (response?.status === 200) {
      const status = (await response.json()) as WrittenStatus & { status: string; error?: string };
      assert.notEqual(status.status, 'failed', `${scanId}: ${status.error ?? ''}`);
      if (status.status === 'written') return status;
    }
  }
}
