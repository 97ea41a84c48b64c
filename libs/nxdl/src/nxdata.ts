/**
 * The structural rules of NXdata: @signal names a field, @axes name fields
 * (or "."), AXISNAME_indices are integers in range, and 1-D axes fit the
 * signal dimension they index (length n, or n+1 for bin edges).
 */
import { rankOf, type CheckContext } from './check-context.js';
import type { DatasetView, GroupView } from './h5-view.js';
import { joinPath } from './paths.js';
import { repr, textList } from './values.js';

export function checkNxdata(ctx: CheckContext, g: GroupView, path: string): void {
  const { findings } = ctx;
  let sigName: string | undefined;
  let signal: DatasetView | null = null;
  if (!ctx.hasAttr(g, 'signal')) {
    const legacy = ctx.view.keys(g).filter((n) => {
      const ds = ctx.getDataset(joinPath(path, n));
      return ds !== null && ctx.hasAttr(ds, 'signal');
    });
    const first = legacy[0];
    if (first !== undefined) {
      findings.warn(
        path,
        'nxdata-signal',
        `no @signal on NXdata; only the deprecated field attribute signal on ${first} (use NXdata/@signal)`,
      );
      sigName = first;
      signal = ctx.getDataset(joinPath(path, first));
    } else {
      findings.error(path, 'nxdata-signal', "NXdata has no 'signal' attribute");
    }
  } else {
    sigName = ctx.attrText(g, 'signal');
    if (sigName === undefined) {
      findings.error(path, 'nxdata-signal', '@signal must be a string naming a field');
    } else {
      signal = ctx.getDataset(joinPath(path, sigName));
      if (signal === null) missingMember(ctx, path, sigName, 'nxdata-signal', '@signal');
    }
  }
  if (ctx.hasAttr(g, 'auxiliary_signals')) {
    for (const aux of textList(g.attr('auxiliary_signals')?.values() ?? null) ?? []) {
      if (ctx.getDataset(joinPath(path, aux)) === null) {
        missingMember(ctx, path, aux, 'nxdata-signal', '@auxiliary_signals');
      }
    }
  }
  let axes: string[] | undefined;
  if (ctx.hasAttr(g, 'axes')) {
    axes = textList(g.attr('axes')?.values() ?? null);
    const only = axes?.length === 1 ? axes[0] : undefined;
    if (axes === undefined) {
      findings.error(path, 'nxdata-axes', '@axes must be a string or string array');
    } else if (only !== undefined && /[:,]/.test(only)) {
      findings.warn(
        path,
        'nxdata-axes',
        `@axes is a delimited string ${repr(only)}; NeXus asks for a string array`,
      );
      axes = only.split(/[:,]/).map((a) => a.trim());
    }
  }
  const rank = signal === null ? undefined : rankOf(signal);
  if (axes !== undefined && axes.length > 0) {
    for (const a of axes) {
      if (a !== '.' && ctx.getDataset(joinPath(path, a)) === null) {
        missingMember(ctx, path, a, 'nxdata-axes', '@axes');
      }
    }
    if (rank !== undefined && axes.length !== rank) {
      findings.warn(
        path,
        'nxdata-axes',
        `@axes has ${axes.length} entries but signal ${repr(sigName)} has rank ${rank}`,
      );
    }
  }
  for (const aname of g.attrNames) {
    if (!aname.endsWith('_indices')) continue;
    checkIndices(ctx, g, path, aname, signal);
  }
  if (axes !== undefined && axes.length > 0 && signal !== null && axes.length === rank) {
    axes.forEach((a, i) => {
      if (a === '.' || ctx.hasAttr(g, `${a}_indices`)) return;
      findings.warn(
        path,
        'nxdata-indices',
        `axis ${repr(a)} has no @${a}_indices attribute (NeXus: to be provided in all situations)`,
      );
      const axis = ctx.getDataset(joinPath(path, a));
      if (axis !== null && rankOf(axis) === 1) checkAxisLength(ctx, path, a, axis, signal, i);
    });
  }
}

function checkIndices(
  ctx: CheckContext,
  g: GroupView,
  path: string,
  aname: string,
  signal: DatasetView | null,
): void {
  const axisName = aname.slice(0, -'_indices'.length);
  const axis = ctx.getDataset(joinPath(path, axisName));
  if (axis === null) {
    ctx.findings.error(
      path,
      'nxdata-indices',
      `@${aname} refers to missing field ${repr(axisName)}`,
    );
    return;
  }
  const attr = g.attr(aname);
  const kind = attr?.type?.kind;
  if (kind !== 'i' && kind !== 'u') {
    ctx.findings.error(
      path,
      'nxdata-indices',
      `@${aname} must be integer(s), got ${attr?.type?.name ?? 'unknown'}`,
    );
    return;
  }
  const idx = (attr?.values() ?? []).map(Number);
  if (signal === null) return;
  const rank = rankOf(signal);
  if (idx.some((i) => i < 0 || i >= rank)) {
    ctx.findings.error(
      path,
      'nxdata-indices',
      `@${aname}=[${idx.join(', ')}] out of range for signal rank ${rank}`,
    );
  } else if (rankOf(axis) === 1 && idx.length === 1) {
    checkAxisLength(ctx, path, axisName, axis, signal, idx[0] ?? 0);
  }
}

function checkAxisLength(
  ctx: CheckContext,
  path: string,
  axisName: string,
  axis: DatasetView,
  signal: DatasetView,
  dim: number,
): void {
  const n = signal.shape?.[dim] ?? 0;
  const length = axis.shape?.[0] ?? 0;
  if (length !== n && length !== n + 1) {
    ctx.findings.error(
      path,
      'nxdata-axes',
      `axis ${repr(axisName)} has length ${length} but signal dimension ${dim} has length ${n}`,
    );
  }
}

/** An NXdata attribute names a member that is not a readable field of the group. */
function missingMember(
  ctx: CheckContext,
  path: string,
  name: string,
  code: string,
  what: string,
): void {
  const link = ctx.view.linkKind(joinPath(path, name));
  if (link === 'soft' || link === 'external') {
    const type = link === 'soft' ? 'SoftLink' : 'ExternalLink';
    ctx.findings.warn(
      path,
      code,
      `${what} names ${repr(name)}, a link that cannot be resolved here (${type})`,
    );
  } else {
    ctx.findings.error(
      path,
      code,
      `${what} names ${repr(name)}, which is not a field of this NXdata`,
    );
  }
}
