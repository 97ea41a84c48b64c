/**
 * DataField → dataset, TimeSeries → NXlog.
 *
 * A DataField keeps its unit as `@units` (NeXus spelling; none when the unit is
 * null) and each `extra_metadata` entry as an attribute. An extra_metadata key that
 * collides with an attribute the mapping itself writes is kept as `metadata_<key>`.
 */
import {
  isTimeSeries,
  type DataFieldJson,
  type FieldJson,
  type MetadataValue,
  type TimeSeriesJson,
} from '#libs/model/src/assonant-json.js';
import {
  isBinaryReference,
  type BinaryReferenceJson,
} from '#libs/model/src/rules/binary-reference.js';
import { epochSecondsToIso } from './iso-time.js';
import { toNxValue, type ConvertedValue } from './json-values.js';
import type { TreeMerger } from './merge.js';
import { freeName, toNexusName } from './nexus-names.js';
import {
  dataset,
  elementCount,
  group,
  text,
  type NxDatasetNode,
  type NxGroupNode,
  type NxValue,
} from './tree.js';

/**
 * Attribute written on a dataset that received null: the NaN in it is a placeholder,
 * not a measurement (e.g. an unreadable PV).
 */
export const VALUE_MISSING_ATTR = 'value_missing';
/** Attribute `= "json"` on a dataset whose value HDF5 could not type and is kept as JSON text. */
export const VALUE_ENCODING_ATTR = 'value_encoding';

export type OwnAttrs = ReadonlyArray<readonly [string, NxValue]>;

/** A field as a dataset or an NXlog; `ownAttrs` go on the dataset (on `value` for an NXlog). */
export function fieldNode(
  field: FieldJson,
  path: string,
  ctx: TreeMerger,
  ownAttrs: OwnAttrs = [],
): NxDatasetNode | NxGroupNode {
  return isTimeSeries(field)
    ? timeSeriesNode(field, path, ctx, ownAttrs)
    : dataFieldNode(field, path, ctx, ownAttrs);
}

export function dataFieldNode(
  field: DataFieldJson,
  path: string,
  ctx: TreeMerger,
  ownAttrs: OwnAttrs = [],
): NxDatasetNode {
  const converted = isBinaryReference(field.value)
    ? uploaded(field.value, ctx)
    : toNxValue(field.value);
  return dataset(converted.value, fieldAttrs(field, converted, path, ctx, ownAttrs));
}

/**
 * The uploaded data a reference names. One that names nothing (the gateway
 * refuses those; this is a spool emptied behind its back) keeps the
 * reference as its text, with a warning, so the file still says what was sent.
 */
function uploaded(reference: BinaryReferenceJson, ctx: TreeMerger): ConvertedValue {
  const found = ctx.uploads.resolve(reference);
  if (!('problem' in found)) return { value: found, nullCount: 0, issues: [] };
  return {
    value: text(JSON.stringify(reference)),
    nullCount: 0,
    encoding: 'json',
    issues: [`${found.problem}: the reference is stored as JSON text`],
  };
}

/**
 * NXlog with `value` and `time`. `time` holds the timestamps relative to the first
 * one, which `time@start` gives as an ISO 8601 UTC date-time; NeXus readers expect
 * that split, and it keeps float64 resolution where it matters (epoch seconds as
 * float64 resolve only about 0.2 µs).
 */
export function timeSeriesNode(
  series: TimeSeriesJson,
  path: string,
  ctx: TreeMerger,
  valueAttrs: OwnAttrs = [],
): NxGroupNode {
  const value = dataFieldNode(series.value, `${path}/value`, ctx, valueAttrs);
  const time = timeNode(series.timestamps, `${path}/time`, ctx);
  const samples = value.value.shape[0] ?? 1;
  const stamps = time.value.shape[0] ?? 1;
  if (samples !== stamps) {
    ctx.warn(`${path}: ${samples} values but ${stamps} timestamps`);
  }
  return group('NXlog', [
    ['value', value],
    ['time', time],
  ]);
}

/** Seconds per unit of the time units accepted for timestamps. */
const SECONDS_PER_UNIT: Readonly<Partial<Record<string, number>>> = {
  s: 1,
  ms: 1e-3,
  us: 1e-6,
  µs: 1e-6,
  ns: 1e-9,
};

function timeNode(field: DataFieldJson, path: string, ctx: TreeMerger): NxDatasetNode {
  const converted = isBinaryReference(field.value)
    ? uploaded(field.value, ctx)
    : toNxValue(field.value);
  const unit = typeof field.unit === 'string' ? field.unit : 's';
  const relative = relativeTimes(converted.value, unit);
  const own: [string, NxValue][] = [['units', text(unit)]];
  if (typeof relative === 'string') {
    ctx.warn(`${path}: ${relative}; time written as received, without @start`);
  } else {
    own.push(['start', text(relative.start)]);
  }
  const value = typeof relative === 'string' ? converted.value : relative.value;
  return dataset(value, fieldAttrs(field, converted, path, ctx, own));
}

/** Times relative to the first known one and its ISO date, or why that is impossible. */
function relativeTimes(value: NxValue, unit: string): { value: NxValue; start: string } | string {
  const scale = SECONDS_PER_UNIT[unit];
  if (scale === undefined) return `unknown time unit "${unit}"`;
  if (value.shape.length > 1) return 'timestamps are not a 1-D array';
  if (value.dtype === 'int64') {
    const t0 = value.data[0];
    if (t0 === undefined) return 'no timestamps';
    const start = epochSecondsToIso(scale === 1 ? t0 : Number(t0) * scale);
    if (start === undefined) return 'first timestamp is not a date';
    return { start, value: { ...value, data: value.data.map((t) => t - t0) } };
  }
  if (value.dtype === 'float64') {
    const t0 = value.data.find((t) => !Number.isNaN(t));
    if (t0 === undefined) return 'no timestamps';
    const start = epochSecondsToIso(t0 * scale);
    if (start === undefined) return 'first timestamp is not a date';
    return { start, value: { ...value, data: value.data.map((t) => t - t0) } };
  }
  return 'timestamps are not numbers';
}

function fieldAttrs(
  field: DataFieldJson,
  converted: ConvertedValue,
  path: string,
  ctx: TreeMerger,
  ownAttrs: OwnAttrs,
): Map<string, NxValue> {
  const attrs = new Map<string, NxValue>();
  if (typeof field.unit === 'string') attrs.set('units', text(field.unit));
  if (converted.nullCount > 0) attrs.set(VALUE_MISSING_ATTR, text(missingNote(converted)));
  if (converted.encoding !== undefined) attrs.set(VALUE_ENCODING_ATTR, text(converted.encoding));
  for (const [name, value] of ownAttrs) attrs.set(name, value);
  for (const issue of converted.issues) ctx.warn(`${path}: ${issue}`);
  addMetadata(attrs, field.extra_metadata ?? {}, path, ctx);
  return attrs;
}

function missingNote(converted: ConvertedValue): string {
  const total = elementCount(converted.value.shape);
  return converted.value.shape.length === 0
    ? 'null received'
    : `null received for ${converted.nullCount} of ${total} elements (written as NaN)`;
}

function addMetadata(
  attrs: Map<string, NxValue>,
  metadata: Record<string, MetadataValue>,
  path: string,
  ctx: TreeMerger,
): void {
  for (const [key, raw] of Object.entries(metadata)) {
    let name = toNexusName(key);
    if (attrs.has(name)) name = freeName(`metadata_${name}`, (n) => attrs.has(n));
    if (name !== key) ctx.warn(`${path}: extra_metadata "${key}" written as attribute "${name}"`);
    const converted = toNxValue(raw);
    for (const issue of converted.issues) ctx.warn(`${path}@${name}: ${issue}`);
    attrs.set(name, converted.value);
  }
}
