/** An independent read-back of written files: h5py through a small Python script. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TESTING_SOURCE } from './source-dir.js';

/** One attribute or dataset value as h5py reports it (see h5_to_json.py). */
export interface H5Value {
  dtype: string;
  shape: number[];
  value: (string | number)[];
}

export interface H5Object extends Partial<H5Value> {
  kind: 'group' | 'dataset' | 'softlink' | 'externallink';
  attrs?: Record<string, H5Value>;
  target?: string;
  file?: string;
  path?: string;
}

export type H5Listing = Record<string, H5Object>;

/** Every object of the file as h5py reads it. Rejects (fails the test) without python3-h5py. */
export async function readWithH5py(file: string): Promise<H5Listing> {
  const { stdout } = await promisify(execFile)(
    '/usr/bin/python3',
    [join(TESTING_SOURCE, 'h5_to_json.py'), file],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as H5Listing;
}

/** The object at `path`, failing with the listing's paths when it is missing. */
export function at(listing: H5Listing, path: string): H5Object {
  const found = listing[path];
  if (found === undefined) {
    throw new Error(`${path} not in file; has ${Object.keys(listing).join(', ')}`);
  }
  return found;
}

export function attr(listing: H5Listing, path: string, name: string): H5Value {
  const found = at(listing, path).attrs?.[name];
  if (found === undefined) throw new Error(`${path}@${name} not in file`);
  return found;
}

export { tempDir } from './temp-dir.js';
