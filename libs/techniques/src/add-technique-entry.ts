/**
 * The technique entry: an NXentry laid out as the scan's application definition
 * wants it, filled from the raw entries by the technique's template. It links to
 * the raw data rather than copying it, links the detector's own file, and says
 * what it could not fill. Apart from the new entry, only the root @default
 * changes (to the new entry, whose @default names its NXdata), and each linked
 * original gains its `@target`.
 */
import type { StagedScan } from '#libs/model/src/scan/index.js';
import {
  freeName,
  group,
  text,
  dataset,
  type NxGroupNode,
  type NxNode,
} from '#libs/nexus/src/index.js';
import type { BuildContext } from './context.js';
import { entryPreference } from './entry-order.js';
import { markLinkTargets } from './link-targets.js';
import { locateComponents } from './locate.js';
import type { BeamlineOverrides } from './overrides.js';
import { setPlotAttributes } from './plot.js';
import { templateForTechnique } from './registry.js';
import { resolveSource } from './resolve.js';
import { chooseRoles } from './roles.js';
import type { Requirement, TechniqueTemplate, TemplateItem } from './template-schema.js';

/** The preferred name of the technique entry, as in the NXDL examples. */
export const TECHNIQUE_ENTRY_NAME = 'entry';

export interface AddTechniqueOptions {
  /** The scan beamline's overrides (see loadBeamlineOverrides); none: the templates as shipped. */
  overrides?: BeamlineOverrides;
}

/** An item of the definition that the scan's data could not fill. */
export interface MissingItem {
  /** Relative to the technique entry, e.g. "sample/rotation_angle". */
  path: string;
  definition: string;
  requirement: Exclude<Requirement, 'optional'>;
  /** What to send next time, in Assonant terms. */
  send: string;
}

export interface TechniqueEntryResult {
  entryName: string;
  definition: string;
  warnings: string[];
  missing: MissingItem[];
}

/** Adds the technique entry to `root`; undefined when the scan's technique has no template. */
export function addTechniqueEntry(
  root: NxGroupNode,
  staged: StagedScan,
  options: AddTechniqueOptions = {},
): TechniqueEntryResult | undefined {
  const template = templateForTechnique(staged.scan.technique);
  if (template === undefined) return undefined;
  const entryName = freeName(TECHNIQUE_ENTRY_NAME, (n) => root.children.has(n));
  const components = locateComponents(staged.events);
  const entryOrder = entryPreference(components.map((c) => c.entry));
  const ctx: BuildContext = {
    root,
    staged,
    template,
    entryPath: `/${entryName}`,
    entryOrder,
    roles: chooseRoles(template.roles, components, entryOrder, options.overrides?.components),
    placed: new Map(),
    warnings: [],
  };
  const missing: MissingItem[] = [];
  for (const item of template.items) {
    const extra = options.overrides?.sources?.[template.definition]?.[item.path] ?? [];
    const problem = fillItem(ctx, { ...item, sources: [...extra, ...item.sources] });
    if (problem !== undefined && item.requirement !== 'optional') {
      missing.push({
        path: item.path,
        definition: template.definition,
        requirement: item.requirement,
        send: item.send,
      });
      ctx.warnings.push(
        `${item.path} is ${item.requirement} by ${template.definition}: send ${item.send}${problem}`,
      );
    }
  }
  const entry = assemble(ctx.placed, template);
  entry.children.set('definition', dataset(text(template.definition)));
  const data = entry.children.get(template.plot.group);
  if (data?.kind === 'group' && setPlotAttributes(data, template.plot)) {
    entry.attrs.set('default', text(template.plot.group));
  }
  root.children.set(entryName, entry);
  // After placing the entry: some of its links point inside it (data → detector).
  markLinkTargets(root, entry);
  root.attrs.set('default', text(entryName));
  return { entryName, definition: template.definition, warnings: ctx.warnings, missing };
}

/** Places the first source that gives a node; returns undefined when filled, else why not (may be ""). */
function fillItem(ctx: BuildContext, item: TemplateItem): string | undefined {
  const misfits: string[] = [];
  for (const source of item.sources) {
    const resolved = resolveSource(ctx, source, item.expect);
    if (resolved === undefined) continue;
    if ('misfit' in resolved) {
      misfits.push(resolved.misfit);
      continue;
    }
    ctx.placed.set(item.path, resolved.node);
    if (resolved.fallback === true) {
      ctx.warnings.push(`${item.path}: nothing received, written as a stand-in; send ${item.send}`);
    }
    return undefined;
  }
  return misfits.length === 0 ? '' : ` (not usable: ${misfits.join('; ')})`;
}

/** The entry group with every placed item, creating the template's groups on the way. */
function assemble(placed: Map<string, NxNode>, template: TechniqueTemplate): NxGroupNode {
  const entry = group('NXentry');
  for (const [path, node] of placed) {
    const parts = path.split('/');
    const name = parts.pop();
    if (name === undefined) continue;
    let parent = entry;
    for (let i = 0; i < parts.length; i++) {
      const groupPath = parts.slice(0, i + 1).join('/');
      const existing = parent.children.get(parts[i] ?? '');
      if (existing?.kind === 'group') {
        parent = existing;
        continue;
      }
      const created = group(template.groups[groupPath] ?? 'NXcollection');
      parent.children.set(parts[i] ?? '', created);
      parent = created;
    }
    parent.children.set(name, node);
  }
  return entry;
}
