/**
 * Value-level rules of NXDL: does an HDF5 type fit an NXDL type, is a string an
 * ISO 8601 date-time, are values among an enumeration. Pure functions.
 */
import type { H5Type, Scalar } from './h5-view.js';

/** Largest number of elements read to judge values (sign, 0/1, …). */
export const MAX_READ = 100_000;

/** Units categories that do not call for a units attribute. */
export const UNITS_EXEMPT: readonly string[] = ['NX_UNITLESS', 'NX_DIMENSIONLESS', 'NX_ANY'];

export const DATE_TIME_TYPES: readonly string[] = ['NX_DATE_TIME', 'ISO8601'];

export function isNumeric(type: H5Type): boolean {
  return 'iufcb'.includes(type.kind);
}

/** The single string of a one-element string value, else undefined. */
export function asText(values: Scalar[] | null): string | undefined {
  if (values?.length !== 1) return undefined;
  const [v] = values;
  return typeof v === 'string' ? v : undefined;
}

/** All strings of a string value, or undefined if it is not (only) strings. */
export function textList(values: Scalar[] | null): string[] | undefined {
  if (values === null || !values.every((v): v is string => typeof v === 'string')) {
    return undefined;
  }
  return values;
}

function numbers(values: () => Scalar[] | null, size: number): number[] | null {
  if (size > MAX_READ) return null;
  const v = values();
  return v === null ? null : v.map(Number);
}

/**
 * true/false when the HDF5 type fits/does not fit the NXDL type, null when the
 * NXDL type says nothing checkable (or the HDF5 type is a reference or vlen).
 */
export function typeFits(
  nxType: string | undefined,
  type: H5Type | null,
  values: () => Scalar[] | null,
  size: number,
): boolean | null {
  if (nxType === undefined || type === null) return null;
  const { kind } = type;
  if (kind === 'O' && !type.isString) return null;
  const allOf = (test: (n: number) => boolean): boolean => {
    const arr = numbers(values, size);
    return arr === null || arr.every(test);
  };
  switch (nxType) {
    case 'NX_CHAR':
    case 'NX_DATE_TIME':
    case 'ISO8601':
      return type.isString;
    case 'NX_CHAR_OR_NUMBER':
      return type.isString || 'iufc'.includes(kind);
    case 'NX_FLOAT':
      return kind === 'f';
    case 'NX_INT':
      return kind === 'i' || kind === 'u';
    case 'NX_NUMBER':
      return 'iufc'.includes(kind);
    case 'NX_UINT':
      if (kind === 'u') return true;
      return kind === 'i' ? allOf((n) => n >= 0) : false;
    case 'NX_POSINT':
      return kind === 'i' || kind === 'u' ? allOf((n) => n > 0) : false;
    case 'NX_BOOLEAN':
      if (kind === 'b') return true;
      return kind === 'i' || kind === 'u' ? allOf((n) => n === 0 || n === 1) : false;
    case 'NX_BINARY':
      return ((kind === 'i' || kind === 'u') && type.size === 1) || kind === 'V';
    case 'NX_COMPLEX':
    case 'NX_CCOMPLEX':
    case 'NX_PCOMPLEX':
    case 'NX_QUATERNION':
      return 'cfV'.includes(kind);
    default:
      return null;
  }
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const TZ_RE = /^(Z|UTC|[+-]\d{2}(:?\d{2})?|UTC[+-]\d{1,2}(:?\d{2})?)$/;

export interface ValueProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Python's repr of a string, so messages read like the NeXus tools'. */
export function repr(text: string | undefined | null): string {
  if (text === undefined || text === null) return 'None';
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/'/g, "\\'")}'`;
}

function validCalendar(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): boolean {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59 || y < 1) return false;
  const days = new Date(Date.UTC(2000, mo, 0)).getUTCDate(); // 2000 is a leap year
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d >= 1 && d <= (mo === 2 && !leap ? 28 : days);
}

/** [] for a valid ISO 8601 date-time with zone; otherwise what is wrong with it. */
export function iso8601Problems(text: string): ValueProblem[] {
  const m = ISO_RE.exec(text.trim());
  if (m === null) {
    return [
      {
        severity: 'error',
        message: `value ${repr(text)} is not an ISO 8601 date-time (expected YYYY-MM-DDThh:mm[:ss[.f]][Z|+hh:mm])`,
      },
    ];
  }
  const [y, mo, d, , hh, mi, ss] = m.slice(1, 8).map((p) => Number(p ?? 0));
  if (!validCalendar(y ?? 0, mo ?? 0, d ?? 0, hh ?? 0, mi ?? 0, ss ?? 0)) {
    return [{ severity: 'error', message: `value ${repr(text)} is not a valid date-time` }];
  }
  const out: ValueProblem[] = [];
  if (m[4] === ' ') {
    out.push({
      severity: 'warning',
      message: `value ${repr(text)} uses a space instead of 'T' (RFC 3339 style, not strict ISO 8601)`,
    });
  }
  if (m[9] === undefined) {
    out.push({
      severity: 'warning',
      message: `value ${repr(text)} has no time zone (NXDL recommends an explicit one)`,
    });
  }
  return out;
}

/** NXmx's time_zone field holds an offset such as "+01:00", not a date-time. */
export function isTimeZone(text: string): boolean {
  return TZ_RE.test(text.trim());
}

function sameNumbers(a: number[], b: number[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => Math.abs(x - (b[i] ?? NaN)) <= 1e-8 + 1e-5 * Math.abs(b[i] ?? 0))
  );
}

/** The values that are not in the enumeration (numbers compare numerically). */
export function enumViolations(values: Scalar[], items: readonly string[]): Scalar[] {
  const listItems = items.filter((i) => i.trim().startsWith('['));
  if (listItems.length > 0 && values.every((v) => typeof v !== 'string' || !isNaN(Number(v)))) {
    const arr = values.map(Number);
    for (const item of listItems) {
      try {
        const ref = (JSON.parse(item) as unknown[]).flat(8).map(Number);
        if (sameNumbers(ref, arr)) return [];
      } catch {
        /* not a JSON list: compared as text below */
      }
    }
    return [values.length === 1 ? (values[0] ?? '') : `[${values.join(', ')}]`];
  }
  const texts = textList(values);
  if (texts !== undefined) return texts.filter((t) => !items.includes(t));
  return values.filter((raw) => {
    const v = typeof raw === 'boolean' ? Number(raw) : raw;
    const wanted =
      typeof raw === 'boolean'
        ? items.map((i) => ({ true: '1', false: '0' })[i.trim().toLowerCase()] ?? i)
        : items;
    return !wanted.some((it) => {
      const f = Number(it);
      return it.trim() !== '' && !isNaN(f) ? f === Number(v) : String(v) === it;
    });
  });
}

/** Regular expression for a nameType="partial" name: upper-case runs are placeholders. */
export function partialRegex(name: string): RegExp {
  const parts = name.match(/[A-Z]+|[^A-Z]+/g) ?? [];
  const body = parts
    .map((run) =>
      /^[A-Z]/.test(run) ? '[A-Za-z0-9_.]*' : run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^(?:${body})$`);
}
