/** Typed access to a built tree, failing the test with a clear message when a node is missing. */
import assert from 'node:assert/strict';
import {
  isDataset,
  isGroup,
  nodeAt,
  nxClassOf,
  scalarText,
  type NxDatasetNode,
  type NxGroupNode,
  type NxValue,
} from '../../src/index.js';

export function groupAt(root: NxGroupNode, path: string): NxGroupNode {
  const node = nodeAt(root, path);
  assert.ok(isGroup(node), `${path} is not a group`);
  return node;
}

export function datasetAt(root: NxGroupNode, path: string): NxDatasetNode {
  const node = nodeAt(root, path);
  assert.ok(isDataset(node), `${path} is not a dataset`);
  return node;
}

export function classAt(root: NxGroupNode, path: string): string | undefined {
  return nxClassOf(nodeAt(root, path));
}

/** The scalar string of a dataset. */
export function textAt(root: NxGroupNode, path: string): string | undefined {
  return scalarText(datasetAt(root, path).value);
}

export function attrAt(root: NxGroupNode, path: string, name: string): NxValue {
  const node = nodeAt(root, path);
  assert.ok(node !== undefined && (isGroup(node) || isDataset(node)), `${path} missing`);
  const value = node.attrs.get(name);
  assert.ok(value !== undefined, `${path}@${name} missing`);
  return value;
}

export function attrText(root: NxGroupNode, path: string, name: string): string | undefined {
  return scalarText(attrAt(root, path, name));
}

/** A value's elements as plain JS values, for deepEqual. */
export function elements(value: NxValue): unknown[] {
  if (value.dtype === 'spooled') throw new Error(`${value.source} is still in the spool`);
  return Array.from(value.data as ArrayLike<unknown>);
}
