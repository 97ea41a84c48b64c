/** The native baseline: h5py copies one of our files, timed per copy (see h5py_copy.py). */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface H5pyCopy {
  copies: number;
  objects: number;
  /** Median wall time of one copy, ms. */
  wall_ms: number;
  /** Median CPU time of one copy, ms. */
  cpu_ms: number;
  h5py: string;
  hdf5: string;
}

export async function h5pyCopy(root: string, file: string, copies: number): Promise<H5pyCopy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-h5py-'));
  try {
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      path.join(root, 'bench/write/h5py_copy.py'),
      file,
      String(copies),
      dir,
    ]);
    return JSON.parse(stdout) as H5pyCopy;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
