/** Making a written file survive a power cut: fsync it, then (best effort) its directory, after a rename. */
import { open } from 'node:fs/promises';

export async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable; best effort, as some file systems cannot sync a directory. */
export async function fsyncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // The file is complete and in place; only its survival of a power cut is weaker.
  }
}
