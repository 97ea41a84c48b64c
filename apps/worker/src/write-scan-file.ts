/** Builds, writes and validates one scan file; run by a writer thread (nexus-write-thread.ts). */
import { performance } from 'node:perf_hooks';
import { writeNexusFile } from '#libs/nexus/src/index.js';
import { buildScan, type BuiltScan } from './build-scan.js';
import { validateWrittenFile } from './scan-validation.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

export async function writeScanFile(request: WriteRequest): Promise<WriteOutcome> {
  const started = performance.now();
  let built: BuiltScan;
  try {
    built = await buildScan(request);
  } catch (error) {
    return { ok: false, kind: 'invalid-data', message: describe(error) };
  }
  const builtAt = performance.now();
  let written: Awaited<ReturnType<typeof writeNexusFile>>;
  try {
    written = await writeNexusFile(
      built.root,
      request.finalPath,
      request.storage === undefined ? {} : { storage: request.storage },
    );
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
    ...(built.completeness !== undefined ? { completeness: built.completeness } : {}),
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
