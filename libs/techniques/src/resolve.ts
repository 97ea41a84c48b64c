/**
 * One template source → the node to place in the technique entry: a soft link to
 * the raw data where it already is in the file, a copy where NeXus wants it
 * changed (converted, widened to float, asked to copy), an external link to a
 * detector's file, or a new dataset (constants, derived values).
 */
import {
  dataset,
  externalLink,
  float64,
  int64,
  isDataset,
  nodeAt,
  scalarText,
  softLink,
  text,
  toNexusName,
  type NxNode,
  type NxValue,
} from '#libs/nexus/src/index.js';
import { convert } from './conversions.js';
import { datasetAt, type BuildContext, type FoundDataset } from './context.js';
import { deriveMxPixelDirection } from './derived-mx.js';
import { deriveImageKey, deriveRotationAngle } from './derived-tomo.js';
import { fitOf, widened } from './fit.js';
import type {
  ComponentSource,
  ConstantSource,
  EntryFieldSource,
  Expect,
  ExternalSource,
  Source,
} from './template-schema.js';

/** A node to place, or why this source gave none (undefined: nothing there at all). */
export type Resolved = { node: NxNode; fallback?: boolean } | { misfit: string } | undefined;

export function resolveSource(
  ctx: BuildContext,
  source: Source,
  expect: Expect | undefined,
): Resolved {
  switch (source.from) {
    case 'component':
      return fromComponent(ctx, source, expect);
    case 'entry':
      return fromEntry(ctx, source, expect);
    case 'constant':
      return { node: constantNode(source), ...(source.fallback ? { fallback: true } : {}) };
    case 'external':
      return fromExternal(ctx, source);
    case 'item': {
      const placed = ctx.placed.get(source.path);
      if (placed === undefined) return undefined;
      if (placed.kind === 'softlink' || placed.kind === 'externallink') return { node: placed };
      return { node: softLink(`${ctx.entryPath}/${source.path}`) };
    }
    case 'derived':
      switch (source.rule) {
        case 'tomo-image-key':
          return deriveImageKey(ctx);
        case 'tomo-rotation-angle':
          return deriveRotationAngle(ctx);
        case 'mx-fast-pixel-direction':
          return deriveMxPixelDirection(ctx, 'fast');
        case 'mx-slow-pixel-direction':
          return deriveMxPixelDirection(ctx, 'slow');
      }
  }
}

/** Where a component's field or axis sits under its group. */
function memberPath(componentPath: string, source: ComponentSource): string | undefined {
  if (source.axis !== undefined)
    return `${componentPath}/transformations/${toNexusName(source.axis)}`;
  if (source.field !== undefined) return `${componentPath}/${toNexusName(source.field)}`;
  return undefined;
}

function fromComponent(
  ctx: BuildContext,
  source: ComponentSource,
  expect: Expect | undefined,
): Resolved {
  let misfit: string | undefined;
  for (const component of ctx.roles.get(source.role) ?? []) {
    const path = memberPath(component.path, source);
    const found = path === undefined ? undefined : datasetAt(ctx.root, path);
    if (found === undefined) continue;
    const node =
      source.convert === undefined
        ? use(found, expect, source.copy === true)
        : converted(found, source, expect);
    if ('node' in node) return node;
    misfit ??= `${found.path}: ${node.misfit}`;
  }
  return misfit === undefined ? undefined : { misfit };
}

function fromEntry(
  ctx: BuildContext,
  source: EntryFieldSource,
  expect: Expect | undefined,
): Resolved {
  let misfit: string | undefined;
  for (const entry of ctx.entryOrder) {
    const found = datasetAt(ctx.root, `/${entry}/${source.field}`);
    if (found === undefined) continue;
    const node = use(found, expect, false);
    if ('node' in node) return node;
    misfit ??= `${found.path}: ${node.misfit}`;
  }
  return misfit === undefined ? undefined : { misfit };
}

/** A link to `found` when it fits as it is, a float copy when it holds integers, else a misfit. */
function use(
  found: FoundDataset,
  expect: Expect | undefined,
  copy: boolean,
): { node: NxNode } | { misfit: string } {
  const fit = fitOf(found.node.value, expect);
  if (fit === 'fits')
    return { node: copy ? copyOf(found, found.node.value) : softLink(found.path) };
  if (fit === 'widen') return { node: copyOf(found, widened(found.node.value)) };
  return { misfit: fit };
}

function converted(
  found: FoundDataset,
  source: ComponentSource,
  expect: Expect | undefined,
): { node: NxNode } | { misfit: string } {
  const units = scalarText(found.node.attrs.get('units'));
  const result =
    source.convert === undefined ? undefined : convert(source.convert, found.node.value, units);
  if (result === undefined)
    return { misfit: `cannot ${source.convert ?? 'convert'} from "${units ?? 'no unit'}"` };
  const fit = fitOf(result.value, expect);
  if (fit !== 'fits') return { misfit: fit };
  return { node: dataset(result.value, [['units', text(result.units)]]) };
}

/** A copy keeps the value and its unit only: the raw item's other attributes describe the raw place. */
function copyOf(found: FoundDataset, value: NxValue): NxNode {
  const units = found.node.attrs.get('units');
  return dataset(value, units === undefined ? [] : [['units', units]]);
}

function constantNode(source: ConstantSource): NxNode {
  const { value } = source;
  let nx: NxValue;
  if (typeof value === 'string') nx = text(value);
  else if (source.dtype === 'int') {
    nx = typeof value === 'number' ? int64(BigInt(value)) : int64(value.map((v) => BigInt(v)));
  } else nx = float64(value);
  return dataset(nx, source.units === undefined ? [] : [['units', text(source.units)]]);
}

/** The detector's file and dataset, named by a field (file) and its metadata or a sibling (dataset). */
function fromExternal(ctx: BuildContext, source: ExternalSource): Resolved {
  for (const component of ctx.roles.get(source.role) ?? []) {
    const fileNode = nodeAt(ctx.root, `${component.path}/${toNexusName(source.fileField)}`);
    if (!isDataset(fileNode)) continue;
    const file = scalarText(fileNode.value);
    const fromMetadata =
      source.metadataKey === undefined
        ? undefined
        : scalarText(fileNode.attrs.get(source.metadataKey));
    const sibling =
      source.datasetField === undefined
        ? undefined
        : nodeAt(ctx.root, `${component.path}/${toNexusName(source.datasetField)}`);
    const path = fromMetadata ?? (isDataset(sibling) ? scalarText(sibling.value) : undefined);
    if (file === undefined || file === '') continue;
    if (path === undefined || !path.startsWith('/')) {
      return {
        misfit: `${component.path}/${toNexusName(source.fileField)}: no absolute dataset path in its ${source.metadataKey ?? source.datasetField ?? 'metadata'}`,
      };
    }
    return { node: externalLink(file, path) };
  }
  return undefined;
}
