/**
 * Writes a tree to an HDF5 file atomically: everything goes to a temporary file in
 * the target directory, which is closed, fsynced and renamed onto the final path.
 * A reader sees the old file or the complete new one, never a partial one.
 *
 * Files use HDF5's default (earliest) format bounds, so HDF5 1.10 readers open them.
 */
import { fsync, fsyncDirectory } from './durable-files.js';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Dataset, Group } from 'h5wasm/node';
import { hdf5Runtime, messageOf, shortHdf5Message, type Hdf5Runtime } from './hdf5-runtime.js';
import { closeErrorReports } from './hdf5-streams.js';
import type { StoragePolicy } from './compression.js';
import { chunkedLayout, DEFAULT_STORAGE } from './dataset-storage.js';
import { writeSpooledDataset } from './spooled-writer.js';
import {
  elementCount,
  joinPath,
  text,
  type InMemoryValue,
  type NxGroupNode,
  type NxValue,
} from './tree.js';

export interface WriteOptions {
  /** Which datasets are chunked and how they are compressed (DEFAULT_STORAGE). */
  storage?: StoragePolicy;
}

export interface WrittenFile {
  /** Size of the final file in bytes. */
  size: number;
  /** Hex SHA-256 of the final file. */
  sha256: string;
  /** Where the time went, ms: HDF5 writing the tree, making it durable (fsync, rename), hashing it. */
  phasesMs: { write: number; fsync: number; digest: number };
}

/**
 * Writes `root` to `finalPath` (creating its directory), replacing any file there.
 * Adds the root attribute `HDF5_Version` (the library that wrote the file) unless
 * the tree sets it. On failure the temporary file is removed, `finalPath` is left
 * as it was, and the error says what failed, with the original as `cause`.
 */
export async function writeNexusFile(
  root: NxGroupNode,
  finalPath: string,
  options: WriteOptions = {},
): Promise<WrittenFile> {
  const target = resolve(finalPath);
  const directory = dirname(target);
  const temporary = join(
    directory,
    `${temporaryPrefix(target)}${randomBytes(6).toString('hex')}.tmp`,
  );
  let runtime: Hdf5Runtime | undefined;
  const started = performance.now();
  let wrote: number;
  try {
    runtime = await hdf5Runtime();
    await mkdir(directory, { recursive: true });
    await removeStaleTemporaries(target);
    writeTree(runtime, temporary, root, {
      storage: options.storage ?? DEFAULT_STORAGE,
      withData: true,
    });
    wrote = performance.now();
    await fsync(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    // A long-lived h5wasm would otherwise keep one descriptor per HDF5 error.
    if (runtime !== undefined) closeErrorReports(runtime);
    throw new Error(`cannot write NeXus file ${target}: ${shortHdf5Message(messageOf(error))}`, {
      cause: error,
    });
  }
  await fsyncDirectory(directory);
  const durable = performance.now();
  let hashed: { size: number; sha256: string };
  try {
    hashed = await digest(target);
  } catch (error) {
    throw new Error(`NeXus file ${target} written but not readable: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const phasesMs = {
    write: wrote - started,
    fsync: durable - wrote,
    digest: performance.now() - durable,
  };
  return { ...hashed, phasesMs };
}

/**
 * Writes the tree to `path` and nothing more: no fsync, no rename, no digest,
 * and uploaded data as datasets of its shape without its bytes. For a file
 * that is read once and removed (a report's dry run).
 */
export async function writeNexusScratch(
  root: NxGroupNode,
  path: string,
  options: WriteOptions = {},
): Promise<void> {
  const runtime = await hdf5Runtime();
  try {
    await mkdir(dirname(path), { recursive: true });
    writeTree(runtime, path, root, {
      storage: options.storage ?? DEFAULT_STORAGE,
      withData: false,
    });
  } catch (error) {
    closeErrorReports(runtime);
    throw new Error(`cannot write NeXus file ${path}: ${shortHdf5Message(messageOf(error))}`, {
      cause: error,
    });
  }
}

interface TreeWrite {
  storage: StoragePolicy;
  /** False: uploaded data gets its dataset but not its bytes. */
  withData: boolean;
}

function writeTree(
  { h5, version }: Hdf5Runtime,
  path: string,
  root: NxGroupNode,
  how: TreeWrite,
): void {
  const file = new h5.File(path, 'w');
  try {
    const attrs = new Map(root.attrs);
    if (version !== undefined && !attrs.has('HDF5_Version'))
      attrs.set('HDF5_Version', text(version));
    writeAttrs(file, attrs, '/');
    writeChildren(file, root, '/', how);
  } catch (error) {
    closeQuietly(file);
    throw error;
  }
  if (file.close() < 0) throw new Error(`closing ${path} failed`);
}

/** After a failure a failing close would only hide why the write failed. */
function closeQuietly(file: { close(): number }): void {
  try {
    file.close();
  } catch {
    /* the write's own error is the one to report */
  }
}

function writeChildren(h5group: Group, node: NxGroupNode, path: string, how: TreeWrite): void {
  for (const [name, child] of node.children) {
    const childPath = joinPath(path, name);
    // h5wasm takes names as paths: a slash would silently create a deeper object,
    // and "" or "." name the group itself (HDF5 would refuse them as existing).
    if (name.includes('/')) throw new ObjectWriteError(`${childPath}: "/" in a name`);
    if (name === '' || name === '.')
      throw new ObjectWriteError(`${childPath}: "${name}" is not a name`);
    try {
      switch (child.kind) {
        case 'group': {
          const created = h5group.create_group(name);
          writeAttrs(created, child.attrs, childPath);
          writeChildren(created, child, childPath, how);
          break;
        }
        case 'dataset': {
          const value = child.value;
          const layout = chunkedLayout(value, how.storage);
          const created =
            value.dtype === 'spooled'
              ? writeSpooledDataset(h5group, name, value, layout, how.withData)
              : h5group.create_dataset({ name, ...h5Data(value), ...layout });
          writeAttrs(created, child.attrs, childPath);
          break;
        }
        case 'softlink':
          checkStatus(h5group.create_soft_link(child.target, name), childPath);
          break;
        case 'externallink':
          checkStatus(h5group.create_external_link(child.file, child.path, name), childPath);
          break;
      }
    } catch (error) {
      throw wrapAt(childPath, error);
    }
  }
}

function writeAttrs(owner: Group | Dataset, attrs: Map<string, NxValue>, path: string): void {
  for (const [name, value] of attrs) {
    // Refused here: h5wasm's call would fail after opening the owner, and
    // leave it (and so the file) open.
    if (name === '') throw new ObjectWriteError(`${path}@: an attribute needs a name`);
    try {
      if (value.dtype === 'spooled') throw new Error('uploaded data cannot be an attribute');
      const { data, shape, dtype } = h5Data(value);
      owner.create_attribute(name, data, shape, dtype);
    } catch (error) {
      throw wrapAt(`${path}@${name}`, error);
    }
  }
}

/** One buffer per dataset or attribute: a single h5wasm call, whatever its size. */
function h5Data(value: InMemoryValue): {
  data: Float64Array | BigInt64Array | Uint8Array | string[];
  shape: number[];
  dtype: string;
} {
  if (elementCount(value.shape) !== value.data.length) {
    throw new Error(
      `shape [${value.shape.join(', ')}] does not hold ${value.data.length} elements`,
    );
  }
  const shape = [...value.shape];
  switch (value.dtype) {
    case 'float64':
      return { data: value.data, shape, dtype: '<d' };
    case 'int64':
      return { data: value.data, shape, dtype: '<q' };
    case 'bool':
      return { data: value.data, shape, dtype: '<B' };
    case 'string':
      return { data: [...value.data], shape, dtype: 'S' };
  }
}

function checkStatus(status: number, path: string): void {
  if (status < 0) throw new Error(`${path}: HDF5 status ${status}`);
}

/** An error already naming the object that failed to write. */
class ObjectWriteError extends Error {}

/** Names the failing object once (the innermost one), keeping the original as the cause. */
function wrapAt(path: string, error: unknown): Error {
  if (error instanceof ObjectWriteError) return error;
  return new ObjectWriteError(`${path}: ${shortHdf5Message(messageOf(error))}`, { cause: error });
}

async function digest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  return { size, sha256: hash.digest('hex') };
}

/** Temporary files of `target` are named `.<name>.<random>.tmp` beside it. */
function temporaryPrefix(target: string): string {
  return `.${basename(target)}.`;
}

/**
 * Removes what an earlier writer of the same file left when it was killed
 * mid-write. Safe because one file has one writer at a time (the queue gives
 * a scan's job to one worker), so no temporary of this file is in use now.
 */
async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = temporaryPrefix(target);
  const names = await readdir(dirname(target));
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(target), name), { force: true })),
  );
}
