/**
 * Checks one HDF5 group against the group spec of an application definition:
 * its attributes, fields, subgroups, links and choices, recursively.
 *
 * Exact names claim their HDF5 members first, then partial names, then
 * unnamed group specs (matched by NX_class), then any-name fields.
 */
import { rankOf, type CheckContext } from './check-context.js';
import { checkAttribute, checkFieldValueRules } from './field-rules.js';
import type { DatasetView, GroupView, ObjectView } from './h5-view.js';
import { matchesName, nameTypeOf } from './nxdl-library.js';
import { dirname, joinPath } from './paths.js';
import type { SpecRule } from './rule-types.js';

interface Members {
  /** Datasets by name; null for a dangling link (present but unreadable). */
  readonly datasets: Map<string, DatasetView | null>;
  readonly groups: Map<string, GroupView>;
  readonly claimed: Set<string>;
}

/** How nxcheck and the NeXus documentation name a spec in a concept path. */
export function labelOf(spec: SpecRule): string {
  if ((spec.kind === 'group' || spec.kind === 'choice') && nameTypeOf(spec) === 'any') {
    return spec.name !== undefined ? `${spec.name}:${spec.type ?? ''}` : (spec.type ?? '');
  }
  if (spec.kind === 'group') return `${spec.name ?? 'None'}:${spec.type ?? ''}`;
  return spec.name ?? 'None';
}

export function validateAppGroup(
  ctx: CheckContext,
  h5g: GroupView,
  path: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
): void {
  const cls = ctx.nxClass(h5g);
  // A missing NX_class is reported once, by the walk over all groups.
  if (cls !== undefined && spec.type !== undefined && !ctx.lib.isA(cls, spec.type)) {
    ctx.findings.error(
      path,
      'nx_class-wrong',
      `${app} expects NX_class ${spec.type}, file has ${cls}`,
      nxdl,
    );
  }
  for (const aspec of spec.attributes ?? []) validateAppAttribute(ctx, h5g, path, aspec, nxdl, app);

  const members: Members = { datasets: new Map(), groups: new Map(), claimed: new Set() };
  for (const name of ctx.view.keys(h5g)) {
    const obj = ctx.get(joinPath(path, name));
    if (obj?.kind === 'dataset') members.datasets.set(name, obj);
    else if (obj?.kind === 'group') members.groups.set(name, obj);
    else if (!members.datasets.has(name)) members.datasets.set(name, null);
  }
  const children = spec.children ?? [];
  const dispatch = (child: SpecRule, preassigned?: string[]): void => {
    const cnxdl = `${nxdl}/${labelOf(child)}`;
    switch (child.kind) {
      case 'field':
        validateAppField(ctx, path, child, cnxdl, app, members);
        break;
      case 'group':
        validateAppSubgroup(ctx, path, child, cnxdl, app, members, preassigned);
        break;
      case 'link':
        validateAppLink(ctx, path, child, cnxdl, app, members);
        break;
      case 'choice':
        validateAppChoice(ctx, path, child, cnxdl, app, members);
        break;
      case 'attribute':
        break;
    }
  };
  for (const child of children) if (nameTypeOf(child) === 'specified') dispatch(child);
  for (const child of children) if (nameTypeOf(child) === 'partial') dispatch(child);
  const anyGroups = children.filter((c) => c.kind === 'group' && nameTypeOf(c) === 'any');
  if (anyGroups.length > 0) {
    const assignment = assignAnyGroups(ctx, path, nxdl, app, anyGroups, members);
    for (const child of anyGroups) dispatch(child, assignment.get(child) ?? []);
  }
  for (const child of children) {
    if (nameTypeOf(child) === 'any' && child.kind !== 'group') dispatch(child);
  }
}

/**
 * Gives each unclaimed HDF5 group to the unnamed spec it fits best: several
 * unnamed specs of one class cannot be told apart by name, so a group goes
 * to the candidate under which it has the fewest errors (then warnings;
 * ties: the first in NXDL order).
 */
function assignAnyGroups(
  ctx: CheckContext,
  path: string,
  nxdl: string,
  app: string,
  specs: SpecRule[],
  members: Members,
): Map<SpecRule, string[]> {
  const out = new Map<SpecRule, string[]>(specs.map((s) => [s, []]));
  for (const [name, g] of members.groups) {
    if (members.claimed.has(name)) continue;
    const cls = ctx.nxClass(g) ?? '';
    const candidates = specs.filter((s) => ctx.lib.isA(cls, s.type));
    let best = candidates[0];
    if (best === undefined) continue;
    if (candidates.length > 1) {
      const scores = candidates.map((s) =>
        trial(ctx, g, joinPath(path, name), s, `${nxdl}/${labelOf(s)}`, app),
      );
      let bestIndex = 0;
      scores.forEach((score, i) => {
        const top = scores[bestIndex] ?? score;
        if (score[0] < top[0] || (score[0] === top[0] && score[1] < top[1])) bestIndex = i;
      });
      best = candidates[bestIndex] ?? best;
    }
    out.get(best)?.push(name);
  }
  return out;
}

/** [errors, warnings] of validating a group against a spec, without reporting them. */
function trial(
  ctx: CheckContext,
  h5g: GroupView,
  gpath: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
): [number, number] {
  const saved = { list: ctx.findings.list, symbols: ctx.symbols, governed: ctx.findings.governed };
  ctx.findings.list = [];
  ctx.symbols = new Map(ctx.symbols);
  ctx.findings.governed = new Set();
  try {
    validateAppGroup(ctx, h5g, gpath, spec, nxdl, app);
    const list = ctx.findings.list;
    return [
      list.filter((f) => f.severity === 'error').length,
      list.filter((f) => f.severity === 'warning').length,
    ];
  } finally {
    ctx.findings.list = saved.list;
    ctx.symbols = saved.symbols;
    ctx.findings.governed = saved.governed;
  }
}

function missing(
  ctx: CheckContext,
  path: string,
  spec: SpecRule,
  what: string,
  nxdl: string,
  app: string,
  extra = '',
): void {
  if (spec.requirement === 'required') {
    ctx.findings.error(path, 'missing', `required ${what} missing (${app})${extra}`, nxdl);
  } else if (spec.requirement === 'recommended') {
    ctx.findings.warn(
      path,
      'missing-recommended',
      `recommended ${what} missing (${app})${extra}`,
      nxdl,
    );
  }
}

function validateAppField(
  ctx: CheckContext,
  path: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
  { datasets, groups, claimed }: Members,
): void {
  const nameType = nameTypeOf(spec);
  let matches: string[];
  if (nameType === 'specified') {
    const name = spec.name ?? '';
    const fpath = joinPath(path, name);
    if (groups.has(name)) {
      ctx.findings.error(fpath, 'kind', `${app} expects a field here, file has a group`, nxdl);
      return;
    }
    if (!datasets.has(name)) {
      if (spec.maxOccurs !== 0) missing(ctx, fpath, spec, 'field', nxdl, app);
      return;
    }
    matches = [name];
  } else {
    matches = [...datasets.keys()].filter((n) => !claimed.has(n) && matchesName(spec, n));
    const first = matches[0];
    if (first === undefined) {
      missing(
        ctx,
        joinPath(path, spec.name ?? 'None'),
        spec,
        `field (${nameType} name)`,
        nxdl,
        app,
      );
      return;
    }
    if (nameType === 'any') {
      claimed.add(first); // any-name fields: presence only, the match is ambiguous
      return;
    }
  }
  for (const name of matches) {
    claimed.add(name);
    const ds = datasets.get(name);
    if (ds === null || ds === undefined) continue;
    const fpath = joinPath(path, name);
    checkFieldValueRules(ctx, ds, fpath, spec, false, nxdl);
    checkAppDims(ctx, ds, fpath, spec, nxdl, app);
    for (const aspec of spec.attributes ?? [])
      validateAppAttribute(ctx, ds, fpath, aspec, nxdl, app);
  }
}

function checkAppDims(
  ctx: CheckContext,
  ds: DatasetView,
  path: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
): void {
  if (spec.dims === undefined) return;
  const { rank: rankText, dims } = spec.dims;
  const ndim = rankOf(ds);
  if (rankText !== null && /^[0-9]+$/.test(rankText)) {
    const rank = Number(rankText);
    const nRequired = dims.filter(([, , req]) => (req ?? 'true').toLowerCase() !== 'false').length;
    const low = Math.min(nRequired, rank);
    if (ndim < low || ndim > rank) {
      const want = low === rank ? String(rank) : `${low}..${rank}`;
      ctx.findings.error(path, 'rank', `rank ${ndim}, ${app} requires rank ${want}`, nxdl);
      return;
    }
  }
  for (const [index, value] of dims) {
    if (index === null || !/^[0-9]+$/.test(index) || value === null || value === '') continue;
    const i = Number(index) - 1;
    if (i >= ndim) continue;
    const size = ds.shape?.[i] ?? 0;
    if (/^[0-9]+$/.test(value)) {
      if (size !== Number(value)) {
        ctx.findings.error(
          path,
          'dims',
          `dimension ${i + 1} has length ${size}, ${app} requires ${value}`,
          nxdl,
        );
      }
    } else if (/^[A-Za-z_]\w*$/.test(value)) {
      // One-letter symbols (i, j, k …) are reused loosely across NXDL files,
      // so they are only compared within one HDF5 group.
      const key = value.length === 1 ? `${value}\u0000${dirname(path)}` : value;
      const prev = ctx.symbols.get(key);
      if (prev === undefined) ctx.symbols.set(key, { size, path });
      else if (prev.size !== size) {
        ctx.findings.warn(
          path,
          'dims',
          `dimension ${i + 1} (${value}) has length ${size} but ${prev.path} has ${prev.size}`,
          nxdl,
        );
      }
    }
  }
}

function validateAppAttribute(
  ctx: CheckContext,
  obj: ObjectView,
  path: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
): void {
  const anxdl = `${nxdl}@${spec.name ?? 'None'}`;
  const names =
    nameTypeOf(spec) !== 'specified'
      ? obj.attrNames.filter((a) => matchesName(spec, a))
      : obj.attrNames.filter((a) => a === spec.name);
  if (names.length === 0) {
    const apath = `${path}@${spec.name ?? 'None'}`;
    const what = `attribute @${spec.name ?? 'None'}`;
    if (spec.requirement === 'required') {
      ctx.findings.error(apath, 'missing', `required ${what} missing (${app})`, anxdl);
    } else if (spec.requirement === 'recommended') {
      ctx.findings.warn(
        apath,
        'missing-recommended',
        `recommended ${what} missing (${app})`,
        anxdl,
      );
    }
    return;
  }
  for (const a of names) checkAttribute(ctx, obj, a, spec, path, false, anxdl);
}

function validateAppSubgroup(
  ctx: CheckContext,
  path: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
  { datasets, groups, claimed }: Members,
  preassigned?: string[],
): void {
  const nameType = nameTypeOf(spec);
  let matches: string[];
  if (nameType === 'specified' && spec.name !== undefined) {
    const gpath = joinPath(path, spec.name);
    if (datasets.has(spec.name)) {
      ctx.findings.error(gpath, 'kind', `${app} expects a group here, file has a field`, nxdl);
      return;
    }
    if (!groups.has(spec.name)) {
      const others = [...groups]
        .filter(([n, g]) => !claimed.has(n) && ctx.lib.isA(ctx.nxClass(g) ?? '', spec.type))
        .map(([n]) => n);
      const hint =
        others.length > 0
          ? `; ${spec.type ?? ''} group(s) with another name: ${others.join(', ')}`
          : '';
      missing(ctx, gpath, spec, `group ${labelOf(spec)}`, nxdl, app, hint);
      return;
    }
    matches = [spec.name];
  } else {
    matches =
      preassigned !== undefined
        ? [...preassigned]
        : [...groups]
            .filter(
              ([n, g]) =>
                !claimed.has(n) &&
                matchesName(spec, n) &&
                ctx.lib.isA(ctx.nxClass(g) ?? '', spec.type),
            )
            .map(([n]) => n);
    if (matches.length === 0) {
      const where = nameType === 'partial' ? labelOf(spec) : (spec.type ?? 'None');
      missing(ctx, joinPath(path, where), spec, `group of class ${spec.type ?? 'None'}`, nxdl, app);
      return;
    }
    const minOccurs = spec.minOccurs ?? 0;
    if (matches.length < minOccurs) {
      ctx.findings.error(
        path,
        'missing',
        `${app} requires at least ${minOccurs} ${spec.type ?? ''} group(s), found ${matches.length}`,
        nxdl,
      );
    }
    if (spec.maxOccurs !== undefined && matches.length > spec.maxOccurs) {
      ctx.findings.error(
        path,
        'max-occurs',
        `${app} allows at most ${spec.maxOccurs} ${spec.type ?? ''} group(s), found ${matches.length} (${matches.join(', ')})`,
        nxdl,
      );
    }
  }
  for (const name of matches) {
    claimed.add(name);
    const g = groups.get(name);
    if (g === undefined) continue;
    if (spec.deprecated !== undefined) {
      ctx.findings.warn(
        joinPath(path, name),
        'deprecated',
        `deprecated in NXDL: ${spec.deprecated}`,
        nxdl,
      );
    }
    validateAppGroup(ctx, g, joinPath(path, name), spec, nxdl, app);
  }
}

function validateAppLink(
  ctx: CheckContext,
  path: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
  { datasets, groups, claimed }: Members,
): void {
  const name = spec.name ?? '';
  const lpath = joinPath(path, name);
  if (!datasets.has(name) && !groups.has(name)) {
    missing(ctx, lpath, spec, `link (target ${spec.target ?? 'None'})`, nxdl, app);
    return;
  }
  claimed.add(name);
  const obj = datasets.has(name) ? datasets.get(name) : groups.get(name);
  if (obj === null || obj === undefined) return;
  if (!ctx.hasAttr(obj, 'target')) {
    ctx.findings.warn(
      lpath,
      'link',
      'linked item has no @target attribute (NeXus link convention)',
      nxdl,
    );
    return;
  }
  const target = ctx.attrText(obj, 'target');
  const tobj = target ? ctx.get(target) : null;
  if (tobj === null) {
    ctx.findings.error(lpath, 'link', `@target=${quote(target)} does not exist in the file`, nxdl);
  } else if (tobj.identity !== obj.identity) {
    ctx.findings.error(
      lpath,
      'link',
      `@target=${quote(target)} is a different object (not a hard link)`,
      nxdl,
    );
  }
}

function quote(text: string | undefined): string {
  return text === undefined ? 'None' : `'${text}'`;
}

function validateAppChoice(
  ctx: CheckContext,
  path: string,
  spec: SpecRule,
  nxdl: string,
  app: string,
  { groups, claimed }: Members,
): void {
  const name = spec.name ?? '';
  const cpath = joinPath(path, name);
  const options = (spec.children ?? []).filter((c) => c.kind === 'group');
  const optionNames = options.map((o) => o.type ?? '').join(', ');
  const g = groups.get(name);
  if (g === undefined) {
    missing(ctx, cpath, spec, `group (choice of ${optionNames})`, nxdl, app);
    return;
  }
  claimed.add(name);
  const cls = ctx.nxClass(g) ?? '';
  const option = options.find((o) => ctx.lib.isA(cls, o.type));
  if (option !== undefined) {
    validateAppGroup(ctx, g, cpath, option, `${nxdl}/${option.type ?? ''}`, app);
    return;
  }
  ctx.findings.error(
    cpath,
    'nx_class-wrong',
    `${app} expects one of ${optionNames}, file has ${cls || 'no NX_class'}`,
    nxdl,
  );
}
