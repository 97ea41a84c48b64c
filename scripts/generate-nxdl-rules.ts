/**
 * Generates libs/nxdl/src/generated/nxdl-rules.ts from a directory of NXDL
 * files, so the service validates files without any NXDL at run time.
 *
 *   node dist/scripts/generate-nxdl-rules.js [NXDL_DIR] [OUTPUT]
 *
 * NXDL_DIR defaults to ../shared/nexus-definitions (relative to the repository
 * root). The interpretation of NXDL (requirement precedence, default nameType,
 * minOccurs/maxOccurs, application-definition inheritance) mirrors the NeXus
 * manual generator, so that the rules agree with other NXDL readers.
 * The output depends only on the input: same files, byte-identical table.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type {
  DefinitionRule,
  DimRule,
  NameType,
  NxdlFolder,
  NxdlRules,
  Requirement,
  SpecKind,
  SpecRule,
} from '#libs/nxdl/src/rule-types.js';

/** The application definitions the service validates against (`definition` values it writes). */
const SUPPORTED_APPLICATIONS = [
  'NXarpes',
  'NXfluo',
  'NXmx',
  'NXsas',
  'NXstxm',
  'NXtomo',
  'NXxas',
] as const;

/** Standard folders first: a name defined twice keeps its standard definition. */
const FOLDERS: readonly NxdlFolder[] = ['base_classes', 'applications', 'contributed_definitions'];

const SPEC_TAGS = new Set<string>(['group', 'field', 'link', 'choice']);

type XmlAttrs = Readonly<Record<string, string>>;

/** fast-xml-parser's order-preserving form: `{ tag: children, ':@': attributes }`. */
interface XmlNode {
  readonly tag: string;
  readonly attrs: XmlAttrs;
  readonly children: readonly XmlNode[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function isTrue(value: string | undefined): boolean {
  return ['true', '1'].includes(String(value).trim().toLowerCase());
}

function isDigits(value: string | undefined): value is string {
  return value !== undefined && /^[0-9]+$/.test(value);
}

/**
 * Precedence of the NeXus manual: recommended="true" wins; then minOccurs="0"
 * or optional="true" make an item optional; an explicit minOccurs>=1 or
 * optional="false" make it required; otherwise application definitions
 * require and base classes do not.
 */
export function requirement(attrs: XmlAttrs, appContext: boolean): Requirement {
  if (isTrue(attrs['recommended'] ?? 'false')) return 'recommended';
  const minOccurs = attrs['minOccurs'];
  const optional = attrs['optional'];
  if (optional !== undefined && isTrue(optional)) return 'optional';
  if (minOccurs !== undefined) {
    return isDigits(minOccurs) && Number(minOccurs) >= 1 ? 'required' : 'optional';
  }
  if (optional !== undefined) return 'required';
  return appContext ? 'required' : 'optional';
}

function toNodes(raw: unknown): XmlNode[] {
  if (!Array.isArray(raw)) return [];
  const out: XmlNode[] = [];
  for (const item of raw as Record<string, unknown>[]) {
    const tag = Object.keys(item).find((k) => k !== ':@');
    if (tag === undefined || tag.startsWith('#') || tag.startsWith('?')) continue;
    const attrs = (item[':@'] ?? {}) as Record<string, unknown>;
    out.push({
      tag,
      attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])),
      children: toNodes(item[tag]),
    });
  }
  return out;
}

/** Mutable while built; frozen into `SpecRule` by `compact`. */
interface Spec {
  kind: SpecKind | 'definition';
  name: string | null;
  type: string | null;
  units: string | null;
  deprecated: string | null;
  target: string | null;
  nameType: NameType;
  requirement: Requirement;
  minOccurs: number;
  maxOccurs: number | null;
  enum: string[] | null;
  enumOpen: boolean;
  dims: { rank: string | null; dims: DimRule[] } | null;
  children: Spec[];
  attributes: Spec[];
}

function parseSpec(node: XmlNode, appContext: boolean, kind?: Spec['kind']): Spec {
  const a = node.attrs;
  const specKind = kind ?? (node.tag as SpecKind);
  const req = requirement(a, appContext);
  const minAttr = a['minOccurs'];
  const maxAttr = a['maxOccurs'];
  const nameType = (a['nameType'] ??
    (specKind === 'group' && a['name'] === undefined ? 'any' : 'specified')) as NameType;
  const spec: Spec = {
    kind: specKind,
    name: a['name'] ?? null,
    type: a['type'] ?? null,
    units: a['units'] ?? null,
    deprecated: a['deprecated'] ?? null,
    target: a['target'] ?? null,
    nameType,
    requirement: req,
    minOccurs:
      req !== 'required' ? 0 : isDigits(minAttr) ? Number(minAttr) : req === 'required' ? 1 : 0,
    maxOccurs: isDigits(maxAttr) ? Number(maxAttr) : null,
    enum: null,
    enumOpen: false,
    dims: null,
    children: [],
    attributes: [],
  };
  for (const child of node.children) {
    if (SPEC_TAGS.has(child.tag)) spec.children.push(parseSpec(child, appContext));
    else if (child.tag === 'attribute') spec.attributes.push(parseSpec(child, appContext));
    else if (child.tag === 'enumeration') {
      spec.enum = child.children
        .filter((item) => item.tag === 'item' && item.attrs['value'] !== undefined)
        .map((item) => item.attrs['value'] ?? '');
      spec.enumOpen = isTrue(child.attrs['open'] ?? 'false');
    } else if (child.tag === 'dimensions') {
      spec.dims = {
        rank: child.attrs['rank'] ?? null,
        dims: child.children
          .filter((d) => d.tag === 'dim')
          .map((d) => [
            d.attrs['index'] ?? null,
            d.attrs['value'] ?? null,
            d.attrs['required'] ?? 'true',
          ]),
      };
    }
  }
  return spec;
}

interface Definition {
  name: string;
  folder: NxdlFolder;
  extends: string | null;
  isApp: boolean;
  root: Spec;
}

function readDefinitions(dir: string): Map<string, Definition> {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
  });
  const defs = new Map<string, Definition>();
  for (const folder of FOLDERS) {
    const folderPath = path.join(dir, folder);
    if (!existsSync(folderPath)) continue;
    const files = readdirSync(folderPath)
      .filter((f) => f.endsWith('.nxdl.xml'))
      .sort();
    for (const file of files) {
      const nodes = toNodes(parser.parse(readFileSync(path.join(folderPath, file), 'utf8')));
      const root = nodes.find((n) => n.tag === 'definition');
      const name = root?.attrs['name'];
      if (root === undefined || name === undefined || defs.has(name)) continue;
      const isApp = (root.attrs['category'] ?? 'base') === 'application';
      defs.set(name, {
        name,
        folder,
        extends: root.attrs['extends'] ?? null,
        isApp,
        root: parseSpec(root, isApp, 'definition'),
      });
    }
  }
  if (defs.size === 0) throw new Error(`no *.nxdl.xml files under ${dir}`);
  return defs;
}

function specKey(s: Spec): string {
  return `${s.kind}\u0000${s.name ?? s.type ?? ''}`;
}

/** Overlays a child application definition on the one it extends. */
function mergeSpecs(parent: Spec, child: Spec): Spec {
  const overlay = (plist: Spec[], clist: Spec[]): Spec[] => {
    const out = [...plist];
    const index = new Map(out.map((s, i) => [specKey(s), i]));
    for (const c of clist) {
      const at = index.get(specKey(c));
      const existing = at === undefined ? undefined : out[at];
      if (at !== undefined && existing !== undefined) out[at] = mergeSpecs(existing, c);
      else out.push(c);
    }
    return out;
  };
  return {
    ...parent,
    name: child.name ?? parent.name,
    type: child.type ?? parent.type,
    units: child.units ?? parent.units,
    deprecated: child.deprecated ?? parent.deprecated,
    target: child.target ?? parent.target,
    enum: child.enum ?? parent.enum,
    dims: child.dims ?? parent.dims,
    requirement: child.requirement,
    minOccurs: child.minOccurs,
    maxOccurs: child.maxOccurs,
    nameType: child.nameType,
    enumOpen: child.enumOpen || parent.enumOpen,
    children: overlay(parent.children, child.children),
    attributes: overlay(parent.attributes, child.attributes),
  };
}

function appRoot(defs: Map<string, Definition>, name: string, seen: string[] = []): Spec {
  const d = defs.get(name);
  if (d === undefined) throw new Error(`application definition ${name} not found`);
  const parent = d.extends === null ? undefined : defs.get(d.extends);
  if (parent?.isApp === true && parent.name !== name && !seen.includes(parent.name)) {
    return mergeSpecs(appRoot(defs, parent.name, [...seen, name]), d.root);
  }
  return d.root;
}

/** The rule object with defaults left out; key order fixed so output is stable. */
function compact(s: Spec, withChildren: boolean): SpecRule {
  const defaultNameType = s.kind === 'group' && s.name === null ? 'any' : 'specified';
  const children = withChildren ? s.children.map((c) => compact(c, true)) : [];
  const attributes = s.attributes.map((c) => compact(c, true));
  return {
    kind: s.kind === 'definition' ? 'group' : s.kind,
    ...(s.name !== null && { name: s.name }),
    ...(s.type !== null && { type: s.type }),
    ...(s.units !== null && { units: s.units }),
    ...(s.deprecated !== null && { deprecated: s.deprecated.replace(/\s+/g, ' ').trim() }),
    ...(s.target !== null && { target: s.target }),
    ...((s.nameType !== 'specified' || defaultNameType !== 'specified') && {
      nameType: s.nameType,
    }),
    ...(s.requirement !== 'optional' && { requirement: s.requirement }),
    ...(s.minOccurs !== 0 && { minOccurs: s.minOccurs }),
    ...(s.maxOccurs !== null && { maxOccurs: s.maxOccurs }),
    ...(s.enum !== null && { enum: s.enum }),
    ...(s.enumOpen && { enumOpen: true }),
    ...(s.dims !== null && { dims: s.dims }),
    ...(children.length > 0 && { children }),
    ...(attributes.length > 0 && { attributes }),
  };
}

export function buildRules(dir: string): NxdlRules {
  const defs = readDefinitions(dir);
  const versionFile = path.join(dir, 'NXDL_VERSION');
  const version = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : 'unknown';
  const definitions: Record<string, DefinitionRule> = {};
  for (const name of [...defs.keys()].sort()) {
    const d = defs.get(name);
    if (d === undefined) continue;
    const fields = d.isApp
      ? []
      : d.root.children.filter((c) => c.kind === 'field').map((c) => compact(c, false));
    const attributes = d.isApp ? [] : d.root.attributes.map((c) => compact(c, false));
    definitions[name] = {
      folder: d.folder,
      ...(d.isApp && { isApp: true }),
      ...(d.extends !== null && { extends: d.extends }),
      ...(fields.length > 0 && { fields }),
      ...(attributes.length > 0 && { attributes }),
    };
  }
  const applications: Record<string, SpecRule> = {};
  for (const name of SUPPORTED_APPLICATIONS) {
    const entry = appRoot(defs, name).children.find((c) => c.kind === 'group');
    if (entry === undefined) throw new Error(`${name} has no top-level group`);
    applications[name] = compact(entry, true);
  }
  return { version, definitions, applications };
}

export function renderRules(rules: NxdlRules): string {
  return [
    '// GENERATED by scripts/generate-nxdl-rules.ts from the NeXus definitions',
    `// (NXDL ${rules.version}). Do not edit: run \`npm run nxdl:rules\`.`,
    "import type { NxdlRules } from '../rule-types.js';",
    '',
    `export const NXDL_RULES: NxdlRules = ${JSON.stringify(rules, null, 1)};`,
    '',
  ].join('\n');
}

function main(): void {
  const dir = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/nexus-definitions'));
  const output = path.resolve(
    process.argv[3] ?? path.join(repoRoot, 'libs/nxdl/src/generated/nxdl-rules.ts'),
  );
  const text = renderRules(buildRules(dir));
  writeFileSync(output, text);
  process.stdout.write(`wrote ${output} (${text.length} bytes) from ${dir}\n`);
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main();
}
