/**
 * Look-ups in the generated NXDL rule tables: class inheritance, base-class
 * field and attribute specs, and the application definitions supported.
 */
import { NXDL_RULES } from './generated/nxdl-rules.js';
import type { DefinitionRule, NxdlRules, SpecRule } from './rule-types.js';
import { partialRegex } from './values.js';

export function nameTypeOf(spec: SpecRule): 'specified' | 'partial' | 'any' {
  return spec.nameType ?? 'specified';
}

export function matchesName(spec: SpecRule, name: string): boolean {
  const nameType = nameTypeOf(spec);
  if (nameType === 'any') return true;
  if (nameType === 'partial' && spec.name !== undefined) return partialRegex(spec.name).test(name);
  return name === spec.name;
}

/** Length of the fixed part of a partial name: the most specific partial match wins. */
function literalLength(spec: SpecRule): number {
  return (spec.name ?? '').replace(/[A-Z]/g, '').length;
}

export class NxdlLibrary {
  constructor(private readonly rules: NxdlRules = NXDL_RULES) {}

  get version(): string {
    return this.rules.version;
  }

  get(name: string): DefinitionRule | undefined {
    return Object.hasOwn(this.rules.definitions, name) ? this.rules.definitions[name] : undefined;
  }

  /** [name, parent, grandparent …] following `extends`. */
  ancestors(name: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = name;
    while (current !== undefined && !chain.includes(current)) {
      const d = this.get(current);
      if (d === undefined) break;
      chain.push(current);
      current = d.extends;
    }
    return chain;
  }

  /** NXsubentry stands in for NXentry (an entry may nest application definitions). */
  isA(nxClass: string, wanted: string | undefined): boolean {
    if (wanted === undefined) return false;
    if (nxClass === wanted) return true;
    if (wanted === 'NXentry' && nxClass === 'NXsubentry') return true;
    return this.ancestors(nxClass).includes(wanted);
  }

  /** The spec of a field or group attribute in a base class or its ancestors. */
  private lookup(
    nxClass: string,
    name: string,
    pool: 'fields' | 'attributes',
  ): SpecRule | undefined {
    const partial: SpecRule[] = [];
    for (const owner of this.ancestors(nxClass)) {
      for (const spec of this.get(owner)?.[pool] ?? []) {
        if (spec.name === undefined) continue;
        const nameType = nameTypeOf(spec);
        if (nameType === 'specified' && spec.name === name) return spec;
        if (nameType === 'partial' && matchesName(spec, name)) partial.push(spec);
      }
    }
    // The first of the longest fixed parts, as Python's max() keeps the first maximum.
    let best: SpecRule | undefined;
    for (const spec of partial) {
      if (best === undefined || literalLength(spec) > literalLength(best)) best = spec;
    }
    return best;
  }

  baseField(nxClass: string, name: string): SpecRule | undefined {
    return this.lookup(nxClass, name, 'fields');
  }

  baseGroupAttr(nxClass: string, name: string): SpecRule | undefined {
    return this.lookup(nxClass, name, 'attributes');
  }

  /** The spec of an attribute of a field spec: exact names first, then partial ones. */
  static fieldAttr(field: SpecRule, name: string): SpecRule | undefined {
    const attrs = field.attributes ?? [];
    return (
      attrs.find((s) => nameTypeOf(s) === 'specified' && s.name === name) ??
      attrs.find((s) => nameTypeOf(s) === 'partial' && matchesName(s, name))
    );
  }

  /** The top-level NXentry spec of a supported application definition. */
  appEntry(name: string): SpecRule | undefined {
    return Object.hasOwn(this.rules.applications, name) ? this.rules.applications[name] : undefined;
  }

  supportedApplications(): string[] {
    return Object.keys(this.rules.applications).sort();
  }
}
