/**
 * A writer thread for tests: the real one (nexus-write-thread.ts), except
 * that a scan titled `fail:<how>` makes its first attempt fail that way
 * inside the thread. Only tests load it; nothing in the service can.
 *   oom    allocates until the thread's heap limit (WRITE_THREAD_MEMORY_MB) ends it
 *   throw  an uncaught exception ends the thread
 *   abort  h5wasm aborts in the middle of writing the file
 *   leak   HDF5 is left holding a file open, as a failed h5wasm call leaves it
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hdf5Runtime } from '#libs/nexus/src/hdf5-runtime.js';
import writeTask from '../../apps/worker/src/nexus-write-thread.js';
import type { WriteOutcome, WriteRequest } from '../../apps/worker/src/write-request.js';

export { threadState } from '../../apps/worker/src/nexus-write-thread.js';

const { h5 } = await hdf5Runtime();
const module = await h5.ready;

export default async function failingWriteTask(request: WriteRequest): Promise<WriteOutcome> {
  const how = /^fail:(\w+)$/.exec(request.scan.title ?? '')?.[1];
  if (how !== undefined && (await firstAttempt(request))) {
    switch (how) {
      case 'oom':
        return exhaustHeap();
      case 'throw':
        setImmediate(() => {
          throw new Error('a bug in the writer thread');
        });
        return new Promise<never>(() => undefined);
      case 'abort':
        abortInTheNextGroup();
        break;
      case 'leak':
        leaveAFileOpen();
        break;
    }
  }
  return writeTask(request);
}

/** True once per scan: a marker beside its file says the first attempt happened. */
async function firstAttempt(request: WriteRequest): Promise<boolean> {
  await mkdir(path.dirname(request.finalPath), { recursive: true });
  try {
    await writeFile(`${request.finalPath}.failed-once`, '', { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

function exhaustHeap(): never {
  const hoard: number[][] = [];
  for (;;) hoard.push(Array.from({ length: 1_000_000 }, (_, i) => i + 0.5));
}

/** The next group the writer creates reads a symbol h5wasm does not export: Emscripten aborts. */
function abortInTheNextGroup(): void {
  const prototype = h5.Group.prototype as unknown as Record<'create_group', unknown>;
  const original = prototype.create_group as (...args: unknown[]) => unknown;
  prototype.create_group = function (this: unknown, ...args: unknown[]): unknown {
    prototype.create_group = original;
    void (module as unknown as Record<string, unknown>).HEAP8;
    return original.apply(this, args);
  };
}

/**
 * An attribute without a name fails in h5wasm after it opened its object,
 * which stays open. The file HDF5 never finishes is made outside the data
 * root and unlinked, so no reader of the written files ever meets it.
 */
function leaveAFileOpen(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'left-open-'));
  const name = path.join(dir, 'left-open.h5');
  const file = new h5.File(name, 'w');
  try {
    file.create_attribute('', 1);
  } catch {
    /* the failure is the point */
  }
  file.close();
  rmSync(dir, { recursive: true, force: true });
}
