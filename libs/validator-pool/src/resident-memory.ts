/**
 * Resident memory of a process, read from Linux's /proc. This is how the pool
 * bounds a validator: h5wasm's WebAssembly memory is outside the V8 heap, so
 * `--max-old-space-size` alone does not limit it.
 */
import { readFile } from 'node:fs/promises';

/** VmRSS of `pid` in MiB, or undefined when the process is gone or /proc is not there. */
export async function residentMiB(pid: number): Promise<number | undefined> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kib === undefined ? undefined : Number(kib) / 1024;
}
