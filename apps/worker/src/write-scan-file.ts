/** Builds, writes and validates one scan file; run by a writer thread (nexus-write-thread.ts). */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildScanTree, writeNexusFile, type NxGroupNode } from '#libs/nexus/src/index.js';
// Not the lib's index: the writer threads need no CSV reader.
import { buildSchema } from '#libs/beamline-schema/src/build-schema.js';
import {
  indexSchema,
  resolveStagedScan,
  type ResolvedScan,
} from '#libs/beamline-schema/src/wire-form/index.js';
import type { StagedScan } from '#libs/model/src/scan/index.js';
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
  const { staged, warnings: schemaWarnings } = readWithSchema(
    parseStagedScan(request.scan, {
      entries: new Map(request.entries),
      devices: new Map(request.devices),
    }),
    request,
  );
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
    warnings: [...schemaWarnings, ...built.warnings, ...(technique?.warnings ?? [])],
    technique,
  };
}

/** The events as the gateway accepted them: read with the scan's pinned schema, if any. */
function readWithSchema(staged: StagedScan, request: WriteRequest): ResolvedScan {
  const { scan, schemaRows } = request;
  if (scan.schema === undefined) return { staged, warnings: [] };
  if (schemaRows === undefined) {
    throw new Error(`schema version ${scan.schema.version} of ${scan.beamline} was not loaded`);
  }
  const built = buildSchema(schemaRows);
  if (!built.ok) {
    throw new Error(
      `schema version ${scan.schema.version} of ${scan.beamline} does not build: ${built.problems[0]?.message ?? ''}`,
    );
  }
  return resolveStagedScan(staged, indexSchema(scan.beamline, built.schema));
}

export async function writeScanFile(request: WriteRequest): Promise<WriteOutcome> {
  const started = performance.now();
  let built: BuiltFile;
  try {
    built = await build(request);
  } catch (error) {
    return { ok: false, kind: 'invalid-data', message: describe(error) };
  }
  const builtAt = performance.now();
  let written: Awaited<ReturnType<typeof writeNexusFile>>;
  try {
    written = await writeNexusFile(built.root, request.finalPath);
  } catch (error) {
    return { ok: false, kind: 'io', message: describe(error) };
  }
  const writtenAt = performance.now();
  const validation = await validateWrittenFile(
    request.finalPath,
    request.linkRoot,
    built.technique,
  );
  const { size, sha256, phasesMs } = written;
  return {
    ok: true,
    size,
    sha256,
    warnings: built.warnings,
    validation,
    phases: {
      build: builtAt - started,
      ...phasesMs,
      validate: performance.now() - writtenAt,
    },
  };
}

export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
