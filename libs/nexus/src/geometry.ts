/**
 * Makes the depends_on chains of the assembled tree valid. Runs after all events
 * are merged, because a chain may be spread over several events and its paths
 * depend on where each component finally sits.
 *
 * - Every `@depends_on` becomes the absolute path of a transformation dataset, or
 *   "." (end of chain). A reference that resolves to nothing, to something that is
 *   not a transformation, or that closes a loop is replaced by "." and the received
 *   value kept in `@depends_on_unresolved`, with a warning.
 * - A component whose axes form exactly one chain gets a `depends_on` dataset naming
 *   the chain's first axis (the one no other axis depends on), and the chain's last
 *   axis gets an explicit `@depends_on = "."`. With several unlinked axes (e.g. a
 *   sample's x, y, z and rotation sent without `depends_on`) the order is unknown
 *   and no `depends_on` is written.
 * - A received field named `depends_on` that does not resolve is renamed
 *   `depends_on_unresolved`, so the file never holds a dangling depends_on.
 */
import { posix } from 'node:path';
import type { TreeMerger } from './merge.js';
import { freeName } from './nexus-names.js';
import {
  dataset,
  isDataset,
  isGroup,
  joinPath,
  nodeAt,
  nxClassOf,
  scalarText,
  text,
  walk,
  type NxDatasetNode,
  type NxGroupNode,
  type NxNode,
  type NxValue,
} from './tree.js';

export const DEPENDS_ON_UNRESOLVED = 'depends_on_unresolved';

interface Link {
  node: NxDatasetNode;
  target: string;
  /** The `@depends_on` as received, before it became an absolute path. */
  received: NxValue;
}

export function finalizeGeometry(root: NxGroupNode, ctx: TreeMerger): void {
  const links = resolveLinks(root, ctx);
  breakCycles(links, ctx);
  const written = addComponentDependsOn(root);
  checkDependsOnFields(root, written, ctx);
}

function isTransformation(node: NxNode | undefined): node is NxDatasetNode {
  return isDataset(node) && node.attrs.has('transformation_type');
}

/** Path of the transformation dataset at `path`: the dataset itself or a scanned axis's `value`. */
function transformationAt(root: NxGroupNode, path: string): string | undefined {
  const node = nodeAt(root, path);
  if (isTransformation(node)) return path;
  if (
    isGroup(node) &&
    nxClassOf(node) === 'NXlog' &&
    isTransformation(node.children.get('value'))
  ) {
    return `${path}/value`;
  }
  return undefined;
}

/**
 * Resolves a NeXus path against the group holding the referring dataset. A bare axis
 * name written inside an NXlog (scanned axis) or a `superseded` collection means a
 * sibling of that group, so the search climbs out of those.
 */
function resolve(
  root: NxGroupNode,
  groupPath: string,
  ref: string,
  ctx: TreeMerger,
): string | undefined {
  if (ref.startsWith('/')) return transformationAt(root, posix.normalize(ref));
  for (let base = groupPath; ; base = posix.dirname(base)) {
    const found = transformationAt(root, posix.join(base, ref));
    if (found !== undefined) return found;
    const holder = nodeAt(root, base);
    if (base === '/' || !(nxClassOf(holder) === 'NXlog' || ctx.isSupersededCollection(holder))) {
      return undefined;
    }
  }
}

function unresolve(
  node: NxDatasetNode,
  path: string,
  why: string,
  ctx: TreeMerger,
  received = node.attrs.get('depends_on'),
): void {
  if (received === undefined) return;
  const keptAs = freeName(DEPENDS_ON_UNRESOLVED, (n) => node.attrs.has(n));
  node.attrs.set(keptAs, received);
  node.attrs.set('depends_on', text('.'));
  const shown = scalarText(received) ?? '(not a string)';
  ctx.warn(`${path}@depends_on: "${shown}" ${why}; written as "." (received value in @${keptAs})`);
}

function resolveLinks(root: NxGroupNode, ctx: TreeMerger): Map<string, Link> {
  const links = new Map<string, Link>();
  walk(root, (node, path) => {
    const received = isDataset(node) ? node.attrs.get('depends_on') : undefined;
    if (!isDataset(node) || received === undefined) return;
    const ref = scalarText(received);
    if (ref === '.') return;
    const target = ref === undefined ? undefined : resolve(root, posix.dirname(path), ref, ctx);
    if (target === undefined) {
      unresolve(node, path, 'does not name a transformation in this file', ctx);
      return;
    }
    node.attrs.set('depends_on', text(target));
    links.set(path, { node, target, received });
  });
  return links;
}

/** Cuts every loop at the link that closes it, visiting starts in path order for determinism. */
function breakCycles(links: Map<string, Link>, ctx: TreeMerger): void {
  const settled = new Set<string>();
  for (const start of [...links.keys()].sort()) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !settled.has(current)) {
      if (onTrail.has(current)) {
        const closing = trail[trail.length - 1];
        const link = closing === undefined ? undefined : links.get(closing);
        if (closing !== undefined && link !== undefined) {
          unresolve(link.node, closing, 'closes a depends_on loop', ctx, link.received);
          links.delete(closing);
        }
        break;
      }
      onTrail.add(current);
      trail.push(current);
      current = links.get(current)?.target;
    }
    for (const path of trail) settled.add(path);
  }
}

/** The component's axes in chain order when they form exactly one chain. */
function soleChain(
  transformations: NxGroupNode,
  path: string,
): [string, NxDatasetNode][] | undefined {
  const axes = new Map<string, NxDatasetNode>();
  for (const [name, child] of transformations.children) {
    const axisPath = joinPath(path, name);
    if (isTransformation(child)) axes.set(axisPath, child);
    else if (isGroup(child) && nxClassOf(child) === 'NXlog') {
      const value = child.children.get('value');
      if (isTransformation(value)) axes.set(`${axisPath}/value`, value);
    }
  }
  const next = (axis: string): string | undefined => {
    const target = scalarText(axes.get(axis)?.attrs.get('depends_on'));
    return target !== undefined && axes.has(target) ? target : undefined;
  };
  const dependedOn = new Set([...axes.keys()].map(next));
  const heads = [...axes.keys()].filter((axis) => !dependedOn.has(axis));
  if (heads.length !== 1) return undefined;
  const chain: [string, NxDatasetNode][] = [];
  for (
    let axis: string | undefined = heads[0];
    axis !== undefined && chain.length < axes.size;
    axis = next(axis)
  ) {
    const node = axes.get(axis);
    if (node !== undefined) chain.push([axis, node]);
  }
  return chain.length === axes.size ? chain : undefined;
}

function addComponentDependsOn(root: NxGroupNode): Set<NxDatasetNode> {
  const written = new Set<NxDatasetNode>();
  walk(root, (node, path) => {
    if (!isGroup(node)) return;
    const transformations = node.children.get('transformations');
    if (!isGroup(transformations) || nxClassOf(transformations) !== 'NXtransformations') return;
    const chain = soleChain(transformations, joinPath(path, 'transformations'));
    const head = chain?.[0];
    const tail = chain?.[chain.length - 1];
    if (head === undefined || tail === undefined) return;
    if (!tail[1].attrs.has('depends_on')) tail[1].attrs.set('depends_on', text('.'));
    if (node.children.has('depends_on')) return;
    const dependsOn = dataset(text(head[0]));
    node.children.set('depends_on', dependsOn);
    written.add(dependsOn);
  });
  return written;
}

function checkDependsOnFields(
  root: NxGroupNode,
  written: Set<NxDatasetNode>,
  ctx: TreeMerger,
): void {
  walk(root, (node, path, parent, name) => {
    if (name !== 'depends_on' || !isDataset(node) || written.has(node)) return;
    const ref = scalarText(node.value);
    if (ref === '.') return;
    const target = ref === undefined ? undefined : resolve(root, posix.dirname(path), ref, ctx);
    if (target !== undefined) {
      parent.children.set(name, dataset(text(target), node.attrs));
      return;
    }
    const keptAs = freeName(DEPENDS_ON_UNRESOLVED, (n) => parent.children.has(n));
    parent.children.delete(name);
    parent.children.set(keptAs, node);
    ctx.warn(`${path}: does not name a transformation in this file; renamed ${keptAs}`);
  });
}
