/**
 * A dry run of a scan's write, for its report: the same build as a write,
 * the tree written to a scratch file beside where the scan's file will be
 * (so its links resolve as the file's will), validated as a written file is,
 * and removed. The scan's own file is neither written nor touched.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeNexusScratch } from '#libs/nexus/src/index.js';
import { buildScan } from './build-scan.js';
import { validateWrittenFile } from './scan-validation.js';
import type { ReportOutcome, WriteRequest } from './write-request.js';
import { describe } from './write-scan-file.js';

export async function reportScanFile(request: WriteRequest): Promise<ReportOutcome> {
  let built: Awaited<ReturnType<typeof buildScan>>;
  try {
    built = await buildScan(request);
  } catch (error) {
    return { ok: false, message: describe(error) };
  }
  // Not a `.<name>.….tmp`: a write of the same scan clears those as its own leftovers.
  const scratch = path.join(
    path.dirname(request.finalPath),
    `.report.${path.basename(request.finalPath)}.${randomBytes(6).toString('hex')}`,
  );
  try {
    await writeNexusScratch(
      built.root,
      scratch,
      request.storage === undefined ? {} : { storage: request.storage },
    );
    const validation = await validateWrittenFile(scratch, request.linkRoot, built.technique);
    return {
      ok: true,
      warnings: built.warnings,
      validation,
      ...(built.completeness !== undefined ? { completeness: built.completeness } : {}),
    };
  } catch (error) {
    return { ok: false, message: describe(error) };
  } finally {
    await rm(scratch, { force: true });
  }
}
