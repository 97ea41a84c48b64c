/**
 * Uploaded arrays on disk, one folder per scan: each array's data bytes (C
 * order, no header) in `<arrayId>.bin`, written under a temporary name,
 * fsynced, then renamed, so a name that exists is a whole array. Nothing of
 * an array goes to Redis but its description (array-records.ts).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fsync, fsyncDirectory } from '#libs/nexus/src/durable-files.js';

export class ArraySpool {
  constructor(readonly dir: string) {}

  scanDir(scanId: string): string {
    return path.join(this.dir, scanId);
  }

  file(scanId: string, arrayId: string): string {
    return path.join(this.scanDir(scanId), `${arrayId}.bin`);
  }

  /**
   * Streams `body` through `stages` to the scan's folder as a new array, and
   * makes it durable before returning its id. On any failure nothing is left.
   */
  async write(
    scanId: string,
    body: Readable,
    stages: Transform[],
    signal: AbortSignal,
    /** Runs once every byte is on disk, before the array is kept; throwing refuses it. */
    check: () => void = () => undefined,
  ): Promise<string> {
    const arrayId = `arr_${randomUUID()}`;
    const folder = this.scanDir(scanId);
    const partial = path.join(folder, `.${arrayId}.partial`);
    await mkdir(folder, { recursive: true });
    try {
      await pipeline([body, ...stages, createWriteStream(partial, { flags: 'wx' })], { signal });
      check();
      await fsync(partial);
      await rename(partial, this.file(scanId, arrayId));
      await fsyncDirectory(folder);
      return arrayId;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  /** Removes one array (refused after it was stored). */
  async remove(scanId: string, arrayId: string): Promise<void> {
    await rm(this.file(scanId, arrayId), { force: true });
  }

  /** Removes the scan's arrays: its file is written, or it was deleted. */
  async removeScan(scanId: string): Promise<void> {
    await rm(this.scanDir(scanId), { recursive: true, force: true });
  }
}
