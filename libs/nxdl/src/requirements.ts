/**
 * What an application definition asks for, as a flat table (one row per
 * group, field, attribute, link or choice), for documentation and the API.
 */
import { NxdlLibrary, nameTypeOf } from './nxdl-library.js';
import type { Requirement, SpecRule } from './rule-types.js';

export interface RequirementRow {
  /** Concept path, e.g. `/entry:NXentry/sample:NXsample/rotation_angle`; `<any>` = any name. */
  path: string;
  /** `group NXsample`, `attr NX_CHAR`, `link -> /NXentry/…`, or the field's NXDL type. */
  type: string;
  units: string;
  requirement: Requirement;
  /** True when required only if its optional or recommended parent group is present. */
  conditional: boolean;
  /** Enumeration, dimensions, name type, occurrences. */
  notes: string;
}

const library = new NxdlLibrary();

function enumNote(s: SpecRule): string {
  return s.enum !== undefined ? `enum ${s.enum.join('|')}` : '';
}

function occurs(s: SpecRule): string {
  const min = s.minOccurs ?? 0;
  if (s.maxOccurs === undefined && min <= 1) return '';
  return `occurs ${min}..${s.maxOccurs ?? 'n'}`;
}

/**
 * Rows of a supported application definition (undefined for others).
 * Optional items are left out unless `includeOptional`.
 */
export function requirementsOf(
  name: string,
  includeOptional = false,
): RequirementRow[] | undefined {
  const top = library.appEntry(name);
  if (top === undefined) return undefined;
  const rows: RequirementRow[] = [];
  const shown = (s: SpecRule): boolean =>
    (s.requirement ?? 'optional') !== 'optional' || includeOptional;
  const row = (
    path: string,
    type: string,
    s: SpecRule,
    cond: boolean,
    notes = '',
    units = '',
  ): void => {
    const requirement = s.requirement ?? 'optional';
    rows.push({
      path,
      type,
      units,
      requirement,
      conditional: cond && requirement === 'required',
      notes,
    });
  };
  const walk = (s: SpecRule, path: string, cond: boolean): void => {
    for (const a of s.attributes ?? []) {
      if (shown(a))
        row(`${path}@${a.name ?? ''}`, `attr ${a.type ?? 'NX_CHAR'}`, a, cond, enumNote(a));
    }
    for (const c of s.children ?? []) {
      if (!shown(c)) continue;
      const childCond = cond || (c.requirement ?? 'optional') !== 'required';
      if (c.kind === 'group') {
        const nameType = nameTypeOf(c);
        const seg =
          c.name !== undefined && nameType === 'specified'
            ? c.name
            : c.name !== undefined
              ? `${c.name}(${nameType})`
              : '<any>';
        const p = `${path}/${seg}:${c.type ?? ''}`;
        row(p, `group ${c.type ?? ''}`, c, cond, occurs(c));
        walk(c, p, childCond);
      } else if (c.kind === 'choice') {
        const options = (c.children ?? []).map((o) => o.type ?? '').join('|');
        row(`${path}/${c.name ?? ''}`, `choice ${options}`, c, cond);
      } else if (c.kind === 'link') {
        row(`${path}/${c.name ?? ''}`, `link -> ${c.target ?? ''}`, c, cond);
      } else {
        const p = `${path}/${c.name ?? ''}`;
        const notes = c.enum !== undefined ? [enumNote(c)] : [];
        if (c.dims !== undefined) {
          notes.push(
            `dims[${c.dims.rank ?? 'None'}]=${c.dims.dims.map(([, v]) => v ?? '?').join(',')}`,
          );
        }
        if (nameTypeOf(c) !== 'specified') notes.push(`nameType=${nameTypeOf(c)}`);
        row(p, c.type ?? 'NX_CHAR (default)', c, cond, notes.join('; '), c.units ?? '');
        for (const a of c.attributes ?? []) {
          if (shown(a))
            row(`${p}@${a.name ?? ''}`, `attr ${a.type ?? 'NX_CHAR'}`, a, childCond, enumNote(a));
        }
      }
    }
  };
  const topPath = `/${top.name ?? '<any>'}:${top.type ?? ''}`;
  rows.push({
    path: topPath,
    type: `group ${top.type ?? ''}`,
    units: '',
    requirement: 'required',
    conditional: false,
    notes: '',
  });
  walk(top, topPath, false);
  return rows;
}
