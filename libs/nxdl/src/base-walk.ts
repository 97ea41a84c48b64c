/**
 * The walk over every group of a file: NX_class present and known, base-class
 * rules on fields and attributes (warnings), @default targets, NXdata,
 * depends_on chains and transformations. Each HDF5 group is visited once,
 * whichever link reaches it first.
 */
import type { CheckContext } from './check-context.js';
import { checkDependsOnField, checkTransformation, followChain } from './depends-on.js';
import { checkAttribute, checkFieldValueRules } from './field-rules.js';
import type { DatasetView, GroupView } from './h5-view.js';
import { NxdlLibrary } from './nxdl-library.js';
import { checkNxdata } from './nxdata.js';
import { MAX_DEPTH } from './limits.js';
import { joinPath, resolvePath } from './paths.js';
import { repr } from './values.js';

/** The class the rules apply to, after reporting what is wrong with the group's NX_class. */
function classOf(ctx: CheckContext, group: GroupView, path: string): string | undefined {
  const declared = ctx.nxClass(group);
  if (path === '/') return declared ?? 'NXroot';
  if (declared === undefined) {
    ctx.findings.error(path, 'nx_class-missing', 'group has no NX_class attribute');
    return undefined;
  }
  const d = ctx.lib.get(declared);
  if (d === undefined) {
    ctx.findings.error(
      path,
      'nx_class-unknown',
      `NX_class ${repr(declared)} is not a NeXus base class (defs ${ctx.lib.version})`,
    );
    return undefined;
  }
  if (d.isApp === true) {
    ctx.findings.error(
      path,
      'nx_class-unknown',
      `NX_class ${repr(declared)} is an application definition, not a base class`,
    );
    return undefined;
  }
  if (d.folder === 'contributed_definitions') {
    ctx.findings.warn(
      path,
      'nx_class-contributed',
      `NX_class ${repr(declared)} is a contributed (not yet standard) base class`,
    );
  }
  return declared;
}

export function walkBase(ctx: CheckContext, group: GroupView, path: string, depth = 0): void {
  if (ctx.seenGroups.has(group.identity)) return; // hard-link cycles end here too
  ctx.seenGroups.add(group.identity);
  if (depth > MAX_DEPTH) {
    ctx.findings.warn(path, 'too_deep', `groups nested deeper than ${MAX_DEPTH}; not checked`);
    return;
  }
  const cls = classOf(ctx, group, path);
  if (cls !== undefined) checkGroupAttributes(ctx, group, path, cls);
  const kids = ctx.children(group);
  if (path === '/') {
    const hasEntry = kids.some(
      ([, o]) => o?.kind === 'group' && ctx.lib.isA(ctx.nxClass(o) ?? '', 'NXentry'),
    );
    if (!hasEntry)
      ctx.findings.error('/', 'nxentry-missing', 'file has no NXentry group at the root');
  }
  for (const [name, obj] of kids) {
    if (obj?.kind === 'dataset') checkDataset(ctx, obj, joinPath(path, name), path, cls, name);
  }
  if (cls === 'NXdata') checkNxdata(ctx, group, path);
  for (const [name, obj] of kids) {
    if (obj?.kind === 'group') walkBase(ctx, obj, joinPath(path, name), depth + 1);
  }
}

function checkDataset(
  ctx: CheckContext,
  ds: DatasetView,
  path: string,
  groupPath: string,
  cls: string | undefined,
  name: string,
): void {
  if (cls !== undefined) checkBaseField(ctx, ds, path, cls, name);
  if (name === 'depends_on' && cls !== undefined) checkDependsOnField(ctx, ds, path, groupPath);
  if (ctx.hasAttr(ds, 'depends_on')) {
    followChain(ctx, ctx.attrText(ds, 'depends_on'), groupPath, path, '@depends_on');
  }
  if (
    ctx.hasAttr(ds, 'transformation_type') ||
    (cls === 'NXtransformations' && ctx.hasAttr(ds, 'vector'))
  ) {
    checkTransformation(ctx, ds, path);
  }
}

function checkGroupAttributes(
  ctx: CheckContext,
  group: GroupView,
  path: string,
  cls: string,
): void {
  for (const aname of group.attrNames) {
    if (aname === 'NX_class') continue;
    const spec = ctx.lib.baseGroupAttr(cls, aname);
    if (spec !== undefined) checkAttribute(ctx, group, aname, spec, path, true, cls);
  }
  if (ctx.hasAttr(group, 'default')) {
    const target = ctx.attrText(group, 'default');
    const obj = target ? ctx.getGroup(resolvePath(path, target)) : null;
    if (obj === null) {
      ctx.findings.error(
        path,
        'default',
        `@default=${repr(target)} does not name an existing child group`,
      );
    }
  }
}

function checkBaseField(
  ctx: CheckContext,
  ds: DatasetView,
  path: string,
  cls: string,
  name: string,
): void {
  const spec = ctx.lib.baseField(cls, name);
  if (spec === undefined) return;
  const nxdl = `${cls}/${spec.name ?? ''}`;
  checkFieldValueRules(ctx, ds, path, spec, true, nxdl);
  for (const aname of ds.attrNames) {
    const aspec = NxdlLibrary.fieldAttr(spec, aname);
    if (aspec !== undefined) checkAttribute(ctx, ds, aname, aspec, path, true, nxdl);
  }
}

/** The recommended chain of @default from the root down to an NXdata group. */
export function checkDefaultChain(ctx: CheckContext): void {
  let path = '/';
  let group: GroupView | null = ctx.view.root();
  for (let step = 0; step < 16 && group !== null; step++) {
    const cls = path === '/' ? 'NXroot' : ctx.nxClass(group);
    if (cls === 'NXdata') return;
    if (ctx.hasAttr(group, 'default')) {
      const next = resolvePath(path, ctx.attrText(group, 'default') ?? '');
      group = ctx.getGroup(next);
      path = next;
      continue; // a default naming nothing was reported as an error already
    }
    ctx.findings.warn(
      path,
      'default',
      'no @default attribute: the default-plot chain from the file root to an NXdata group is incomplete (recommended)',
    );
    if (path !== '/') return;
    const root: GroupView = group;
    const entries = ctx.view.keys(root).filter((n) => {
      const g = ctx.getGroup(`/${n}`);
      return g !== null && ctx.nxClass(g) === 'NXentry';
    });
    const only = entries.length === 1 ? entries[0] : undefined;
    if (only === undefined) return;
    path = joinPath('/', only);
    group = ctx.getGroup(path);
  }
}
