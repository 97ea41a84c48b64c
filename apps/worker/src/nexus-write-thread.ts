/**
 * Runs in a worker thread. h5wasm calls are synchronous; doing them here keeps
 * the worker's event loop free to renew the job lock during a long write.
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { buildScanTree, writeNexusFile } from '#libs/nexus/src/index.js';
import { parseStagedScan } from '#libs/staging/src/index.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

async function run(request: WriteRequest): Promise<WriteOutcome> {
  let built: ReturnType<typeof buildScanTree>;
  try {
    const staged = parseStagedScan(request.scan, {
      entries: new Map(request.entries),
      devices: new Map(request.devices),
    });
    built = buildScanTree(staged, {
      fileName: path.basename(request.finalPath),
      creator: request.creator,
      fileTime: request.fileTime,
    });
  } catch (error) {
    return { ok: false, kind: 'invalid-data', message: describe(error) };
  }
  try {
    const written = await writeNexusFile(built.root, request.finalPath);
    return { ok: true, ...written, warnings: built.warnings };
  } catch (error) {
    return { ok: false, kind: 'io', message: describe(error) };
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

const outcome = await run(workerData as WriteRequest);
parentPort?.postMessage(outcome);
