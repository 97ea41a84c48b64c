/**
 * depends_on chains and the NXtransformations fields they pass through: every
 * link of a chain must resolve, end with ".", and each transformation must
 * carry a type, a direction vector and units.
 */
import type { CheckContext } from './check-context.js';
import type { DatasetView } from './h5-view.js';
import { dirname, resolvePath } from './paths.js';
import { MAX_DEPENDS_ON_CHAIN as MAX_CHAIN } from './limits.js';
import { repr, textList } from './values.js';

/** A `depends_on` field of a group: one string, the start of a chain. */
export function checkDependsOnField(
  ctx: CheckContext,
  ds: DatasetView,
  path: string,
  groupPath: string,
): void {
  if (ds.type?.isString !== true) {
    ctx.findings.error(
      path,
      'depends_on',
      `depends_on must be a string, file has ${ds.type?.name ?? 'unknown'}`,
    );
    return;
  }
  const values = textList(ds.values()) ?? [];
  if (values.length !== 1 || values[0] === undefined) {
    ctx.findings.error(path, 'depends_on', 'depends_on must hold one path');
    return;
  }
  followChain(ctx, values[0], groupPath, path, 'depends_on');
}

/** Follows a chain from `value` (relative to `baseGroup`) and reports where it breaks. */
export function followChain(
  ctx: CheckContext,
  start: string | undefined,
  baseGroup: string,
  origin: string,
  what: string,
): void {
  if (start === undefined) {
    ctx.findings.error(origin, 'depends_on', `${what} is not a string`);
    return;
  }
  const seen: string[] = [];
  let value = start;
  let base = baseGroup;
  let holder = origin;
  let holderWhat = what;
  for (let step = 0; step < MAX_CHAIN; step++) {
    value = value.trim();
    if (value === '.') return;
    const target = resolvePath(base, value);
    const obj = ctx.get(target);
    if (obj === null) {
      ctx.findings.error(
        holder,
        'depends_on',
        `${holderWhat}=${repr(value)} does not resolve (${target} does not exist)`,
      );
      return;
    }
    if (obj.kind === 'group') {
      if (ctx.nxClass(obj) === 'NXcoordinate_system') return;
      ctx.findings.error(
        holder,
        'depends_on',
        `${holderWhat}=${repr(value)} points to a group, not a transformation field`,
      );
      return;
    }
    if (seen.includes(target)) {
      ctx.findings.error(holder, 'depends_on', `depends_on chain loops back to ${target}`);
      return;
    }
    // The rest of the chain from here was followed (and reported) from another start.
    if (ctx.followedChains.has(target)) return;
    ctx.followedChains.add(target);
    seen.push(target);
    checkTransformation(ctx, obj, target);
    if (!ctx.hasAttr(obj, 'depends_on')) {
      ctx.findings.warn(
        target,
        'depends_on',
        "transformation has no @depends_on; end chains explicitly with depends_on='.'",
      );
      return;
    }
    const next = ctx.attrText(obj, 'depends_on');
    if (next === undefined) {
      ctx.findings.error(target, 'depends_on', '@depends_on is not a string');
      return;
    }
    value = next;
    base = dirname(target);
    holder = target;
    holderWhat = '@depends_on';
  }
  ctx.findings.error(origin, 'depends_on', `depends_on chain longer than ${MAX_CHAIN} steps`);
}

export function checkTransformation(ctx: CheckContext, ds: DatasetView, path: string): void {
  if (ctx.checkedTransforms.has(path)) return;
  ctx.checkedTransforms.add(path);
  const err = (message: string): void => ctx.findings.error(path, 'transformation', message);
  const ttype = ctx.hasAttr(ds, 'transformation_type')
    ? ctx.attrText(ds, 'transformation_type')
    : undefined;
  if (ttype !== undefined && ttype !== 'translation' && ttype !== 'rotation') {
    err(`@transformation_type=${repr(ttype)} (must be 'translation' or 'rotation')`);
  }
  const numeric = ds.type !== null && 'iufcb'.includes(ds.type.kind);
  if (!numeric) err(`transformation value must be numeric, file has ${ds.type?.name ?? 'unknown'}`);
  for (const [name, required] of [
    ['vector', true],
    ['offset', false],
  ] as const) {
    const attr = ds.attr(name);
    if (attr === null) {
      if (required) err('transformation lacks @vector (3-vector of the axis direction)');
      continue;
    }
    const v = attr.values() ?? [];
    const kind = attr.type?.kind ?? 'V';
    if (!'iuf'.includes(kind) || v.length !== 3) {
      err(`@${name} must be 3 numbers, got [${v.map(String).join(', ')}]`);
    } else if (name === 'vector' && v.every((x) => Number(x) === 0)) {
      err('@vector is the zero vector');
    }
  }
  if (
    ttype !== undefined &&
    ['translation', 'rotation'].includes(ttype) &&
    numeric &&
    !ctx.hasAttr(ds, 'units')
  ) {
    err(`${ttype} axis lacks a units attribute`);
  }
}
