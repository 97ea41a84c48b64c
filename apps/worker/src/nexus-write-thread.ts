/**
 * A writer thread of the pool (write-pool.ts). h5wasm is compiled and the
 * NXDL rule tables are loaded once, when the thread starts (piscina loads
 * this module then), and serve every file the thread writes. h5wasm calls
 * are synchronous; here they keep no event loop of the worker waiting.
 */
import { threadId } from 'node:worker_threads';
import { hdf5Runtime } from '#libs/nexus/src/hdf5-runtime.js';
import { openHdf5Files } from '#libs/nexus/src/hdf5-streams.js';
import { WriterHealth } from './writer-health.js';
import { describe, writeScanFile } from './write-scan-file.js';
import { reportScanFile } from './report-scan-file.js';
import type { ReportOutcome, WriteOutcome, WriteRequest } from './write-request.js';
import { RETIRED_THREAD, type ThreadState } from './writer-thread-contract.js';

const runtime = await hdf5Runtime();
const health = new WriterHealth(runtime);

/** The task: one scan file, built, written and validated. Never rejects. */
export default async function writeTask(request: WriteRequest): Promise<WriteOutcome> {
  let outcome: WriteOutcome;
  try {
    outcome = await writeScanFile(request);
  } catch (error) {
    outcome = { ok: false, kind: 'io', message: describe(error) };
  }
  const unfit = health.afterTask();
  return unfit === undefined ? outcome : retire(outcome, unfit);
}

/** A report's dry run of one scan file (report-scan-file.ts). Never rejects. */
export async function reportTask(request: WriteRequest): Promise<ReportOutcome> {
  let outcome: ReportOutcome;
  try {
    outcome = await reportScanFile(request);
  } catch (error) {
    outcome = { ok: false, message: describe(error) };
  }
  const unfit = health.afterTask();
  return unfit === undefined ? outcome : retire(outcome, unfit);
}

/** What the thread holds, for tests and the memory benchmark. */
export function threadState(): ThreadState {
  return {
    threadId,
    heapBytes: runtime.heapBytes(),
    openFiles: openHdf5Files(runtime),
    hdf5Errors: health.hdf5Errors,
  };
}

/**
 * Ends this thread with its file's outcome: thrown outside the task, the
 * error kills the thread while the task is still its own, so piscina gives
 * the task that error (the pool reads the outcome off it) and starts a
 * fresh thread, and no other file can reach this h5wasm meanwhile.
 */
function retire(outcome: WriteOutcome | ReportOutcome, reason: string): Promise<never> {
  const error = Object.assign(new Error(reason), { name: RETIRED_THREAD, outcome });
  setImmediate(() => {
    throw error;
  });
  return new Promise<never>(() => undefined);
}
