/**
 * A fresh directory for the files a test writes. When ASSONANT_TEST_KEEP_FILES
 * is set (CI sets it), the directory is made there and kept, so that the
 * independent NeXus referee can read every file the suite wrote.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function tempDir(
  prefix = 'test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const keep = process.env.ASSONANT_TEST_KEEP_FILES;
  if (keep !== undefined && keep !== '') {
    await mkdir(keep, { recursive: true });
    return { dir: await mkdtemp(join(keep, prefix)), cleanup: () => Promise.resolve() };
  }
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
