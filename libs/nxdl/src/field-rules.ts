/**
 * Type, units, enumeration, date-time and deprecation rules of one field or
 * attribute. The same rules serve base classes (findings are warnings: base
 * classes are optional dictionaries) and application definitions (errors).
 */
import { sizeOf, type CheckContext } from './check-context.js';
import type { DatasetView, ObjectView, Scalar } from './h5-view.js';
import { nameTypeOf } from './nxdl-library.js';
import type { SpecRule } from './rule-types.js';
import {
  DATE_TIME_TYPES,
  UNITS_EXEMPT,
  enumViolations,
  isNumeric,
  isTimeZone,
  iso8601Problems,
  repr,
  textList,
  typeFits,
} from './values.js';

/** Python's repr of a list of strings, for messages. */
export function pyList(items: readonly (string | Scalar)[]): string {
  return `[${items.map((i) => (typeof i === 'string' ? repr(i) : String(i))).join(', ')}]`;
}

/** Aspects of a path the application definition states, so base-class findings there are dropped. */
function govern(ctx: CheckContext, path: string, spec: SpecRule): void {
  if (spec.type !== undefined) ctx.findings.govern(path, ['type', 'datetime']);
  if (spec.units !== undefined) ctx.findings.govern(path, ['units']);
  if (spec.enum !== undefined) ctx.findings.govern(path, ['enum']);
}

function textValues(ds: DatasetView): string[] {
  if (ds.type?.isString !== true || sizeOf(ds.shape) > 100_000) return [];
  return textList(ds.values()) ?? [];
}

export function checkFieldValueRules(
  ctx: CheckContext,
  ds: DatasetView,
  path: string,
  spec: SpecRule,
  base: boolean,
  nxdl: string,
): void {
  const sev = base ? 'warning' : 'error';
  const rep = (severity: 'error' | 'warning', code: string, message: string): void =>
    ctx.findings.report(severity, path, code, message, nxdl, base);
  if (!base) govern(ctx, path, spec);
  if (spec.deprecated !== undefined)
    rep('warning', 'deprecated', `deprecated in NXDL: ${spec.deprecated}`);
  if (spec.maxOccurs === 0) rep(sev, 'forbidden', 'not allowed here (maxOccurs=0)');
  const type = ds.type;
  let nxType = spec.type;
  let typeSeverity: 'error' | 'warning' = sev;
  if (nxType === undefined && spec.units === undefined && nameTypeOf(spec) === 'specified') {
    // NX_CHAR is the NXDL default type; an implicit type is only a hint.
    nxType = 'NX_CHAR';
    typeSeverity = 'warning';
  }
  if (typeFits(nxType, type, ds.values, sizeOf(ds.shape)) === false) {
    rep(typeSeverity, 'type', `type mismatch: NXDL ${nxType}, file has ${type?.name ?? 'unknown'}`);
  }
  if (
    spec.units !== undefined &&
    !UNITS_EXEMPT.includes(spec.units) &&
    type !== null &&
    isNumeric(type) &&
    type.kind !== 'b'
  ) {
    if (!ctx.hasAttr(ds, 'units')) {
      rep(sev, 'units', `numeric field lacks a units attribute (NXDL units ${spec.units})`);
    } else if ((ctx.attrText(ds, 'units') ?? '').trim() === '') {
      rep(sev, 'units', `empty units attribute (NXDL units ${spec.units})`);
    }
  }
  if (nxType !== undefined && DATE_TIME_TYPES.includes(nxType) && type?.isString === true) {
    checkDatetimeValues(ctx, textValues(ds), path, sev, nxdl, base, spec.name === 'time_zone');
  }
  if (spec.enum !== undefined && spec.enum.length > 0 && spec.enumOpen !== true) {
    const values = sizeOf(ds.shape) > 1000 ? null : ds.values();
    checkEnum(ctx, values, spec.enum, path, sev, nxdl, base);
  }
}

function checkDatetimeValues(
  ctx: CheckContext,
  values: readonly string[],
  path: string,
  sev: 'error' | 'warning',
  nxdl: string,
  base: boolean,
  timeZoneField = false,
): void {
  for (const v of values.slice(0, 1000)) {
    if (timeZoneField && isTimeZone(v)) continue;
    for (const problem of iso8601Problems(v)) {
      const severity = problem.severity === 'error' ? sev : 'warning';
      ctx.findings.report(severity, path, 'datetime', problem.message, nxdl, base);
    }
  }
}

function checkEnum(
  ctx: CheckContext,
  values: Scalar[] | null,
  items: readonly string[],
  path: string,
  sev: 'error' | 'warning',
  nxdl: string,
  base: boolean,
): void {
  if (values === null) return;
  const bad = enumViolations(values, items);
  if (bad.length === 0) return;
  const shown = bad
    .slice(0, 5)
    .map((b) => (typeof b === 'string' ? repr(b) : String(b)))
    .join(', ');
  ctx.findings.report(
    sev,
    path,
    'enum',
    `value ${shown} not in enumeration ${pyList(items)}`,
    nxdl,
    base,
  );
}

/** Rules of one attribute `name` of `obj`, which the spec describes. */
export function checkAttribute(
  ctx: CheckContext,
  obj: ObjectView,
  name: string,
  spec: SpecRule,
  path: string,
  base: boolean,
  nxdl: string,
): void {
  const apath = `${path}@${name}`;
  const sev = base ? 'warning' : 'error';
  if (!base) govern(ctx, apath, spec);
  if (spec.deprecated !== undefined) {
    ctx.findings.report(
      'warning',
      apath,
      'deprecated',
      `deprecated in NXDL: ${spec.deprecated}`,
      nxdl,
      base,
    );
  }
  const attr = obj.attr(name);
  if (attr === null || attr.shape === null) return;
  const values = attr.values();
  if (values === null) return;
  if (
    spec.type !== undefined &&
    typeFits(spec.type, attr.type, () => values, values.length) === false
  ) {
    ctx.findings.report(
      sev,
      apath,
      'type',
      `attribute type mismatch: NXDL ${spec.type}, file has ${attr.type?.name ?? 'unknown'}`,
      nxdl,
      base,
    );
  }
  if (
    spec.type !== undefined &&
    DATE_TIME_TYPES.includes(spec.type) &&
    attr.type?.isString === true
  ) {
    checkDatetimeValues(ctx, textList(values) ?? [], apath, sev, nxdl, base);
  }
  if (spec.enum !== undefined && spec.enum.length > 0 && spec.enumOpen !== true) {
    checkEnum(ctx, values, spec.enum, apath, sev, nxdl, base);
  }
}
