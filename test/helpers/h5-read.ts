/**
 * Reads a written file back with h5py (Debian's python3-h5py), a reader that
 * is not ours, and returns every object by path.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/helpers/h5_to_json.py',
);

export interface H5Attr {
  dtype: string;
  value: unknown;
}

export type H5Object =
  | { kind: 'group'; attrs: Record<string, H5Attr> }
  | {
      kind: 'dataset';
      attrs: Record<string, H5Attr>;
      dtype: string;
      shape: number[];
      value: unknown;
    }
  | { kind: 'soft-link'; target: string }
  | { kind: 'external-link'; file: string; target: string };

export interface H5File {
  rootAttrs: Record<string, H5Attr>;
  objects: Record<string, H5Object>;
}

export async function readWithH5py(file: string): Promise<H5File> {
  const { stdout } = await promisify(execFile)('/usr/bin/python3', [SCRIPT, file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as H5File;
}

export function dataset(file: H5File, objectPath: string): Extract<H5Object, { kind: 'dataset' }> {
  const object = file.objects[objectPath];
  if (object?.kind !== 'dataset') {
    throw new Error(
      `${objectPath} is not a dataset in the file (found ${object?.kind ?? 'nothing'})`,
    );
  }
  return object;
}

export function group(file: H5File, objectPath: string): Extract<H5Object, { kind: 'group' }> {
  const object = file.objects[objectPath];
  if (object?.kind !== 'group') {
    throw new Error(
      `${objectPath} is not a group in the file (found ${object?.kind ?? 'nothing'})`,
    );
  }
  return object;
}
