/**
 * Runs in a worker thread. h5wasm calls are synchronous; doing them here keeps
 * the worker's event loop free to renew the job lock during a long write.
 */
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { buildScanTree, writeNexusFile, type NxGroupNode } from '#libs/nexus/src/index.js';
import { parseStagedScan } from '#libs/staging/src/index.js';
import { addTechniqueEntry, loadBeamlineOverrides } from '#libs/techniques/src/index.js';
import { validateWrittenFile } from './scan-validation.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

interface BuiltFile {
  root: NxGroupNode;
  warnings: string[];
  technique: { entryName: string; definition: string } | undefined;
}

async function build(request: WriteRequest): Promise<BuiltFile> {
  const staged = parseStagedScan(request.scan, {
    entries: new Map(request.entries),
    devices: new Map(request.devices),
  });
  const built = buildScanTree(staged, {
    fileName: path.basename(request.finalPath),
    creator: request.creator,
    fileTime: request.fileTime,
  });
  const overrides = await loadBeamlineOverrides(
    request.beamlineOverridesDir,
    request.scan.beamline,
  );
  const technique = addTechniqueEntry(
    built.root,
    staged,
    overrides === undefined ? {} : { overrides },
  );
  return {
    root: built.root,
    warnings: [...built.warnings, ...(technique?.warnings ?? [])],
    technique,
  };
}

async function run(request: WriteRequest): Promise<WriteOutcome> {
  let built: BuiltFile;
  try {
    built = await build(request);
  } catch (error) {
    return { ok: false, kind: 'invalid-data', message: describe(error) };
  }
  let written: { size: number; sha256: string };
  try {
    written = await writeNexusFile(built.root, request.finalPath);
  } catch (error) {
    return { ok: false, kind: 'io', message: describe(error) };
  }
  const validation = await validateWrittenFile(
    request.finalPath,
    request.linkRoot,
    built.technique,
  );
  return { ok: true, ...written, warnings: built.warnings, validation };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

const outcome = await run(workerData as WriteRequest);
parentPort?.postMessage(outcome);
