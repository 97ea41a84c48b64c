/**
 * Turns an Assonant JSON value (scalar or nested array) into a typed HDF5 value.
 *
 * Type rules (the worker parses integer literals as bigint, everything else as number):
 * - only bigint → int64; any number among them → float64 (mixed int/float is float);
 * - null → NaN in a float64 value. JSON has no NaN, so a NaN in our files always
 *   stands for a received null; `nullCount` lets the caller record it explicitly;
 * - only strings → variable-length UTF-8 strings;
 * - only booleans → `bool` (uint8 0/1);
 * - an empty array → an empty float64 value of that shape.
 * Anything HDF5 cannot hold as one typed array (ragged arrays, strings mixed with
 * numbers, booleans mixed with anything, strings containing NUL, which HDF5 strings
 * would cut) is kept losslessly as its JSON text with `encoding: 'json'`.
 */
import type { FieldValue, MetadataValue } from '#libs/model/src/assonant-json.js';
import type { NxValue } from './tree.js';

type JsonValue = FieldValue | MetadataValue;
type Leaf = Exclude<JsonValue, JsonValue[]>;

export interface ConvertedValue {
  value: NxValue;
  /** How many nulls were stored as NaN. */
  nullCount: number;
  /** `json` when the value is stored as its JSON text. */
  encoding?: 'json';
  /** Human-readable notes about anything not stored exactly as typed. */
  issues: string[];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function toNxValue(value: JsonValue): ConvertedValue {
  const shape = shapeOf(value);
  if (shape === undefined) return asJson(value, 'ragged nested array');
  const leaves: Leaf[] = [];
  flatten(value, leaves);

  let nulls = 0;
  let bigints = 0;
  let strings = 0;
  let booleans = 0;
  for (const leaf of leaves) {
    if (leaf === null) nulls++;
    else if (typeof leaf === 'bigint') bigints++;
    else if (typeof leaf === 'string') strings++;
    else if (typeof leaf === 'boolean') booleans++;
  }

  if (strings === leaves.length && leaves.length > 0) {
    const data = leaves as string[];
    if (data.some((s) => s.includes('\0'))) return asJson(value, 'string contains NUL');
    return { value: { dtype: 'string', shape, data }, nullCount: 0, issues: [] };
  }
  if (booleans === leaves.length && leaves.length > 0) {
    const data = Uint8Array.from(leaves, (b) => (b === true ? 1 : 0));
    return { value: { dtype: 'bool', shape, data }, nullCount: 0, issues: [] };
  }
  if (strings + booleans > 0) return asJson(value, 'mixed element types');
  if (leaves.length === 0) {
    return {
      value: { dtype: 'float64', shape, data: new Float64Array(0) },
      nullCount: 0,
      issues: [],
    };
  }

  const outOfRange = leaves.some((l) => typeof l === 'bigint' && (l < INT64_MIN || l > INT64_MAX));
  if (bigints === leaves.length && !outOfRange) {
    return {
      value: { dtype: 'int64', shape, data: BigInt64Array.from(leaves as bigint[]) },
      nullCount: 0,
      issues: [],
    };
  }

  const issues: string[] = [];
  if (outOfRange) issues.push('integer outside the int64 range stored as float64');
  else if (leaves.some((l) => typeof l === 'bigint' && BigInt(Number(l)) !== l)) {
    issues.push('integer beyond 2^53 rounded to float64 (the array also holds floats or nulls)');
  }
  const data = Float64Array.from(leaves, (l) => (l === null ? NaN : Number(l)));
  return { value: { dtype: 'float64', shape, data }, nullCount: nulls, issues };
}

/** The JSON text of a value, bigint-aware, keeping floats recognisable (`3.0`, not `3`). */
export function jsonText(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'null';
    const s = JSON.stringify(value);
    return Number.isInteger(value) && !/[e.]/i.test(s) ? `${s}.0` : s;
  }
  return JSON.stringify(value);
}

function asJson(value: JsonValue, why: string): ConvertedValue {
  return {
    value: { dtype: 'string', shape: [], data: [jsonText(value)] },
    nullCount: 0,
    encoding: 'json',
    issues: [`${why}: stored as JSON text`],
  };
}

/** The dimensions of a rectangular nested array, `[]` for a scalar, undefined if ragged. */
function shapeOf(value: JsonValue): number[] | undefined {
  if (!Array.isArray(value)) return [];
  const [first, ...rest] = value;
  if (first === undefined) return [0];
  const inner = shapeOf(first);
  if (inner === undefined) return undefined;
  for (const item of rest) {
    const other = shapeOf(item);
    if (other?.length !== inner.length || other.some((d, k) => d !== inner[k])) return undefined;
  }
  return [value.length, ...inner];
}

function flatten(value: JsonValue, out: Leaf[]): void {
  if (!Array.isArray(value)) {
    out.push(value);
    return;
  }
  for (const item of value) flatten(item, out);
}
