/**
 * Finds the NXentry/NXsubentry groups at the top of the file and validates
 * each against its application definition: its own `definition` field, or
 * the one the caller imposes (NXentry only; a subentry keeps its own).
 */
import { validateAppGroup, labelOf } from './app-groups.js';
import type { CheckContext } from './check-context.js';
import type { EntryDefinition } from '#libs/model/src/scan/index.js';
import type { GroupView } from './h5-view.js';
import { nameTypeOf } from './nxdl-library.js';
import { basename, joinPath } from './paths.js';
import { repr, textList } from './values.js';

interface Target {
  readonly group: GroupView;
  readonly path: string;
  readonly app: string;
  readonly info: EntryDefinition;
}

function definitionOf(ctx: CheckContext, group: GroupView): string | null {
  const ds = ctx.getDataset(joinPath(group.path, 'definition'));
  if (ds === null || ds.type?.isString !== true) return null;
  return textList(ds.values())?.[0] ?? null;
}

export function checkApplicationDefinitions(ctx: CheckContext): EntryDefinition[] {
  const entries: EntryDefinition[] = [];
  const targets: Target[] = [];
  for (const name of ctx.view.keys(ctx.view.root())) {
    const entry = ctx.getGroup(`/${name}`);
    if (entry === null || ctx.nxClass(entry) !== 'NXentry') continue;
    const epath = `/${name}`;
    const definition = definitionOf(ctx, entry);
    const info: EntryDefinition = { entry: epath, definition, validatedAgainst: null };
    entries.push(info);
    const app = ctx.app ?? definition;
    if (app !== null) targets.push({ group: entry, path: epath, app, info });
    let subDefined = false;
    for (const sname of ctx.view.keys(entry)) {
      const sub = ctx.getGroup(joinPath(epath, sname));
      if (sub === null || ctx.nxClass(sub) !== 'NXsubentry') continue;
      const sdef = definitionOf(ctx, sub);
      const sinfo: EntryDefinition = {
        entry: joinPath(epath, sname),
        definition: sdef,
        validatedAgainst: null,
      };
      entries.push(sinfo);
      if (sdef !== null) {
        subDefined = true;
        targets.push({ group: sub, path: sinfo.entry, app: sdef, info: sinfo });
      }
    }
    if (app === null && !subDefined) {
      ctx.findings.warn(
        epath,
        'definition',
        'NXentry has no definition field: checked against the base classes only, not an application definition',
      );
    }
  }
  for (const target of targets) validateTarget(ctx, target);
  return entries;
}

function validateTarget(ctx: CheckContext, { group, path, app, info }: Target): void {
  const d = ctx.lib.get(app);
  if (d === undefined) {
    ctx.findings.error(
      path,
      'definition',
      `application definition ${repr(app)} not found in defs ${ctx.lib.version}`,
    );
    return;
  }
  if (d.isApp !== true) {
    ctx.findings.error(
      path,
      'definition',
      `${repr(app)} is a base class, not an application definition`,
    );
    return;
  }
  const spec = ctx.lib.appEntry(app);
  if (spec === undefined) {
    // A real application definition whose rules this build does not carry.
    ctx.findings.warn(
      path,
      'definition',
      `${app} is not among the supported application definitions (${ctx.lib.supportedApplications().join(', ')}): not validated`,
    );
    return;
  }
  info.validatedAgainst = app;
  ctx.symbols = new Map();
  if (spec.name !== undefined && nameTypeOf(spec) === 'specified' && basename(path) !== spec.name) {
    ctx.findings.warn(
      path,
      'name',
      `${app} names this group ${repr(spec.name)}`,
      `${app}:/${labelOf(spec)}`,
    );
  }
  validateAppGroup(ctx, group, path, spec, `${app}:/${spec.type ?? ''}`, app);
}
