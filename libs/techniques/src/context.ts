/** What every source resolver needs: the raw tree, the scan, the chosen components. */
import type { StagedScan } from '#libs/model/src/scan/index.js';
import {
  isDataset,
  isGroup,
  nodeAt,
  nxClassOf,
  type NxDatasetNode,
  type NxGroupNode,
  type NxNode,
} from '#libs/nexus/src/index.js';
import type { LocatedComponent } from './locate.js';
import type { TechniqueTemplate } from './template-schema.js';

export interface BuildContext {
  root: NxGroupNode;
  staged: StagedScan;
  template: TechniqueTemplate;
  /** Absolute path of the technique entry, e.g. `/entry`. */
  entryPath: string;
  /** Raw entry names, most preferred source first (see entry-order.ts). */
  entryOrder: string[];
  /** Role → the chosen component in every raw entry that has it, in entry order. */
  roles: Map<string, LocatedComponent[]>;
  /** Item path → the node placed for it in the technique entry. */
  placed: Map<string, NxNode>;
  warnings: string[];
}

/** A dataset found in the raw tree and its absolute path. */
export interface FoundDataset {
  path: string;
  node: NxDatasetNode;
}

/** The dataset at `path`, or the `value` of the NXlog there (a TimeSeries). */
export function datasetAt(root: NxGroupNode, path: string): FoundDataset | undefined {
  const node = nodeAt(root, path);
  if (isDataset(node)) return { path, node };
  if (isGroup(node) && nxClassOf(node) === 'NXlog') {
    const value = node.children.get('value');
    if (isDataset(value)) return { path: `${path}/value`, node: value };
  }
  return undefined;
}

/** The components of `role` in `entry`, if any. */
export function roleIn(
  ctx: BuildContext,
  role: string,
  entry: string,
): LocatedComponent | undefined {
  return ctx.roles.get(role)?.find((c) => c.entry === entry);
}
