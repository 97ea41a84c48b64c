/**
 * A typed, in-memory HDF5 tree: what the NeXus mapping produces and the writer
 * consumes. It knows nothing about NeXus rules or about h5wasm, so the mapping
 * stays pure and testable and the writer stays a dumb serializer.
 *
 * Values are stored flat in TypedArrays (row-major) with an explicit shape, so
 * the writer can hand each dataset to HDF5 in one call and an int64 never
 * passes through a lossy JS number.
 */

import type { Compression } from './compression.js';

interface ValueBase {
  /** Dimensions, outermost first; `[]` is a scalar. */
  readonly shape: readonly number[];
}

export interface Float64Value extends ValueBase {
  readonly dtype: 'float64';
  readonly data: Float64Array;
}

export interface Int64Value extends ValueBase {
  readonly dtype: 'int64';
  readonly data: BigInt64Array;
}

/** NX_BOOLEAN stored as unsigned 8-bit 0/1 (h5wasm cannot write HDF5 enums). */
export interface BoolValue extends ValueBase {
  readonly dtype: 'bool';
  readonly data: Uint8Array;
}

/** Variable-length UTF-8 strings. */
export interface StringValue extends ValueBase {
  readonly dtype: 'string';
  readonly data: readonly string[];
}

/**
 * Uploaded data still in the array spool: the writer copies it into the file
 * in slices, never whole in memory. `parts` are files of raw little-endian
 * C-order bytes laid end to end along the first axis: one for an uploaded
 * array, one per frame of a stream.
 */
export interface SpooledValue extends ValueBase {
  readonly dtype: 'spooled';
  /** NumPy's name of the element type: `uint16`. */
  readonly element: string;
  readonly itemSize: number;
  readonly parts: readonly string[];
  /** What it was uploaded as: `array arr_…` or `stream detector`; equal sources are equal values. */
  readonly source: string;
  /** The compression the upload asked for; else the beamline's. */
  readonly compression?: Compression;
}

export type NxValue = Float64Value | Int64Value | BoolValue | StringValue | SpooledValue;

/** A value whose elements are in memory (every kind but uploaded data). */
export type InMemoryValue = Exclude<NxValue, SpooledValue>;

export interface NxGroupNode {
  readonly kind: 'group';
  readonly attrs: Map<string, NxValue>;
  readonly children: Map<string, NxNode>;
}

export interface NxDatasetNode {
  readonly kind: 'dataset';
  readonly value: NxValue;
  readonly attrs: Map<string, NxValue>;
}

/** An HDF5 soft link; `target` is an absolute path in the same file. */
export interface NxSoftLinkNode {
  readonly kind: 'softlink';
  readonly target: string;
}

/** An HDF5 external link to `path` inside `file` (relative to the linking file's directory). */
export interface NxExternalLinkNode {
  readonly kind: 'externallink';
  readonly file: string;
  readonly path: string;
}

export type NxNode = NxGroupNode | NxDatasetNode | NxSoftLinkNode | NxExternalLinkNode;

export function float64(data: number | readonly number[], shape?: readonly number[]): Float64Value {
  const flat = typeof data === 'number' ? [data] : data;
  return {
    dtype: 'float64',
    shape: shape ?? (typeof data === 'number' ? [] : [flat.length]),
    data: Float64Array.from(flat),
  };
}

export function int64(data: bigint | readonly bigint[], shape?: readonly number[]): Int64Value {
  const flat = typeof data === 'bigint' ? [data] : data;
  return {
    dtype: 'int64',
    shape: shape ?? (typeof data === 'bigint' ? [] : [flat.length]),
    data: BigInt64Array.from(flat),
  };
}

export function bool(data: boolean | readonly boolean[], shape?: readonly number[]): BoolValue {
  const flat = typeof data === 'boolean' ? [data] : data;
  return {
    dtype: 'bool',
    shape: shape ?? (typeof data === 'boolean' ? [] : [flat.length]),
    data: Uint8Array.from(flat, (b) => (b ? 1 : 0)),
  };
}

export function text(data: string | readonly string[], shape?: readonly number[]): StringValue {
  const flat = typeof data === 'string' ? [data] : [...data];
  return {
    dtype: 'string',
    shape: shape ?? (typeof data === 'string' ? [] : [flat.length]),
    data: flat,
  };
}

export function group(nxClass: string, children?: Iterable<[string, NxNode]>): NxGroupNode {
  return {
    kind: 'group',
    attrs: new Map([['NX_class', text(nxClass)]]),
    children: new Map(children),
  };
}

export function dataset(value: NxValue, attrs?: Iterable<[string, NxValue]>): NxDatasetNode {
  return { kind: 'dataset', value, attrs: new Map(attrs) };
}

export function softLink(target: string): NxSoftLinkNode {
  return { kind: 'softlink', target };
}

export function externalLink(file: string, path: string): NxExternalLinkNode {
  return { kind: 'externallink', file, path };
}

/** Number of elements a shape holds (1 for a scalar). */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** The single string of a scalar string value, else undefined. */
export function scalarText(value: NxValue | undefined): string | undefined {
  return value?.dtype === 'string' && value.shape.length === 0 ? value.data[0] : undefined;
}

export function nxClassOf(node: NxNode | undefined): string | undefined {
  return node?.kind === 'group' ? scalarText(node.attrs.get('NX_class')) : undefined;
}

export function isGroup(node: NxNode | undefined): node is NxGroupNode {
  return node?.kind === 'group';
}

export function isDataset(node: NxNode | undefined): node is NxDatasetNode {
  return node?.kind === 'dataset';
}

/** Equality that treats NaN as equal to NaN: NaN is how a received null is stored. */
export function valuesEqual(a: NxValue, b: NxValue): boolean {
  if (a.dtype !== b.dtype || a.shape.length !== b.shape.length) return false;
  if (a.shape.some((d, i) => d !== b.shape[i])) return false;
  if (a.dtype === 'spooled' || b.dtype === 'spooled') {
    return a.dtype === 'spooled' && b.dtype === 'spooled' && a.source === b.source;
  }
  const x: ArrayLike<unknown> = a.data;
  const y: ArrayLike<unknown> = b.data;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (!Object.is(x[i], y[i]) && x[i] !== y[i]) return false;
  }
  return true;
}

function attrsEqual(a: Map<string, NxValue>, b: Map<string, NxValue>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, value] of a) {
    const other = b.get(name);
    if (other === undefined || !valuesEqual(value, other)) return false;
  }
  return true;
}

/** Deep structural equality of two subtrees. */
export function nodesEqual(a: NxNode, b: NxNode): boolean {
  switch (a.kind) {
    case 'group': {
      if (b.kind !== 'group' || !attrsEqual(a.attrs, b.attrs)) return false;
      if (a.children.size !== b.children.size) return false;
      for (const [name, child] of a.children) {
        const other = b.children.get(name);
        if (other === undefined || !nodesEqual(child, other)) return false;
      }
      return true;
    }
    case 'dataset':
      return b.kind === 'dataset' && valuesEqual(a.value, b.value) && attrsEqual(a.attrs, b.attrs);
    case 'softlink':
      return b.kind === 'softlink' && a.target === b.target;
    case 'externallink':
      return b.kind === 'externallink' && a.file === b.file && a.path === b.path;
  }
}

/** Absolute path of `name` inside the group at `parentPath`. */
export function joinPath(parentPath: string, name: string): string {
  return parentPath === '/' ? `/${name}` : `${parentPath}/${name}`;
}

/** The node at an absolute path, following groups only (links are not resolved). */
export function nodeAt(root: NxGroupNode, path: string): NxNode | undefined {
  let node: NxNode = root;
  for (const part of path.split('/').filter((p) => p !== '')) {
    if (node.kind !== 'group') return undefined;
    const child = node.children.get(part);
    if (child === undefined) return undefined;
    node = child;
  }
  return node;
}

/** Visits every node below `root` (depth first, parents before children). */
export function walk(
  root: NxGroupNode,
  visit: (node: NxNode, path: string, parent: NxGroupNode, name: string) => void,
  rootPath = '/',
): void {
  for (const [name, child] of [...root.children]) {
    const path = joinPath(rootPath, name);
    visit(child, path, root, name);
    if (child.kind === 'group') walk(child, visit, path);
  }
}
