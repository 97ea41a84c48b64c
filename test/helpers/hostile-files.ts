/** Hostile HDF5 files made by h5py (test/helpers/hostile_hdf5.py), a writer that is not ours. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The generator's source, also when the tests run compiled from dist/. */
const GENERATOR = fileURLToPath(new URL('../../../test/helpers/hostile_hdf5.py', import.meta.url));

export interface HostileFile {
  name: string;
  file: string;
}

/** Writes every case under `outDir`, and `secretFile` holding `marker`, which no report may show. */
export async function makeHostileFiles(
  outDir: string,
  secretFile: string,
  marker: string,
): Promise<HostileFile[]> {
  const { stdout } = await promisify(execFile)(
    '/usr/bin/python3',
    [GENERATOR, outDir, secretFile, marker],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as HostileFile[];
}

export async function bytesOf(cases: HostileFile[], name: string): Promise<Buffer> {
  const found = cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no hostile file ${name}`);
  return readFile(found.file);
}

/** What is left in the spool directory (it must be nothing once a request has ended). */
export async function spoolContents(dir: string): Promise<string[]> {
  return readdir(dir);
}

/** Pids of the validator processes that `parent` (by default this process) runs. */
export async function validatorProcesses(parent = process.pid): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes('validator-child.js')) pids.push(Number(name));
    } catch {
      /* the process ended while it was read */
    }
  }
  return pids;
}
