/**
 * Component → NeXus group: fields become datasets (or NXlogs), subcomponents
 * nested groups, positions an NXtransformations group named `transformations`.
 */
import type { AxisJson, BeamlineJson, ComponentJson } from '#libs/model/src/assonant-json.js';
import {
  COMPONENT_NX_CLASS,
  COMPONENT_TYPE_FIELD,
  type ComponentClass,
} from '#libs/model/src/component-classes.js';
import { axisAttrs } from './axes.js';
import { fieldNode } from './fields.js';
import type { TreeMerger } from './merge.js';
import { toNexusName } from './nexus-names.js';
import { dataset, group, isDataset, joinPath, text, type NxGroupNode } from './tree.js';

/** Where a component's Sample subcomponents go instead of the component itself. */
export interface SampleHome {
  group: NxGroupNode;
  path: string;
}

/** The group of a component placed at `path`. */
export function componentNode(
  component: ComponentJson,
  path: string,
  ctx: TreeMerger,
): NxGroupNode {
  const node = group(COMPONENT_NX_CLASS[component.class]);
  fillComponent(node, component, component.class, path, ctx);
  return node;
}

/**
 * Places a component's content into `node` (at `path`). With `sampleHome`, Sample
 * subcomponents go there instead (the beamline's samples belong in the NXentry).
 */
export function fillComponent(
  node: NxGroupNode,
  component: ComponentJson | BeamlineJson,
  cls: ComponentClass,
  path: string,
  ctx: TreeMerger,
  sampleHome?: SampleHome,
): void {
  const kind = COMPONENT_TYPE_FIELD[cls];
  // Placed before the fields so that a `type` field sent by the client wins.
  if (kind !== undefined) ctx.place(node, path, 'type', dataset(text(kind)));

  for (const [key, field] of Object.entries(component.fields ?? {})) {
    const name = nexusChildName(key, path, ctx);
    ctx.place(node, path, name, fieldNode(field, joinPath(path, name), ctx));
  }

  for (const sub of Object.values(component.subcomponents ?? {})) {
    const home = sub.class === 'Sample' && sampleHome ? sampleHome : { group: node, path };
    const name = nexusChildName(sub.name, home.path, ctx);
    const subPath = joinPath(home.path, name);
    ctx.place(home.group, home.path, name, componentNode(sub, subPath, ctx));
  }

  const positions = Object.entries(component.positions ?? {});
  if (positions.length > 0) {
    const transformationsPath = joinPath(path, 'transformations');
    const transformations = group('NXtransformations');
    for (const [key, axis] of positions) {
      const name = nexusChildName(key, transformationsPath, ctx);
      const axisPath = joinPath(transformationsPath, name);
      ctx.place(transformations, transformationsPath, name, axisNode(name, axis, axisPath, ctx));
    }
    ctx.place(node, path, 'transformations', transformations);
  }
}

/**
 * An axis is its field (dataset, or NXlog when scanned) with the transformation
 * attributes on the dataset that holds the positions: the NXlog's `value`, since
 * a depends_on chain must end on a dataset.
 */
function axisNode(
  name: string,
  axis: AxisJson,
  path: string,
  ctx: TreeMerger,
): ReturnType<typeof fieldNode> {
  const node = fieldNode(axis.value, path, ctx, axisAttrs(name, axis));
  const positions = isDataset(node) ? node : node.children.get('value');
  if (isDataset(positions) && !positions.attrs.has('units')) {
    ctx.warn(`${path}: axis has no unit; NeXus requires units on a transformation`);
  }
  if (isDataset(positions) && !['float64', 'int64'].includes(positions.value.dtype)) {
    ctx.warn(`${path}: axis value is not numeric; NeXus requires a number`);
  }
  return node;
}

/** `key` as a valid NeXus name, warning when it had to change. */
export function nexusChildName(key: string, parentPath: string, ctx: TreeMerger): string {
  const name = toNexusName(key);
  if (name !== key)
    ctx.warn(`${parentPath}: "${key}" is not a valid NeXus name, written as "${name}"`);
  return name;
}
