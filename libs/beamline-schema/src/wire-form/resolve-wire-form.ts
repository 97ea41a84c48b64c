/**
 * Assonant's wire form (what its KafkaDataSender sends: `Entry.json()`) made
 * whole with the scan's beamline schema, so that it is read like the full
 * form. The wire form loses detail: components carry no class; a DataField
 * keeps only `{value}`; a TimeSeries keeps only its values (as
 * `{value: {value: […], unit, extra_metadata}}`) and loses its timestamps;
 * positions stay complete. Here:
 *
 * - a component without `class` takes it from the schema, by its name;
 * - a field without a unit takes the schema's (a unit sent wins; a different
 *   one is a warning); the schema's PV name becomes an attribute;
 * - a TimeSeries without timestamps becomes a plain array, with a warning:
 *   times are never invented;
 * - what the schema cannot resolve is a problem naming the JSON path.
 *
 * The full form passes unchanged but for units and attributes the schema
 * adds. Pure: the gateway runs it to decide 202 or 422, the worker to build.
 */
import type { SchemaComponent, SchemaField } from '../schema-types.js';
import { schemaItem, type SchemaIndex } from './schema-index.js';

export interface WireProblem {
  /** Dotted JSON path from the body's root, as in the gateway's violations. */
  path: string;
  message: string;
}

export interface WireResolution {
  value: unknown;
  problems: WireProblem[];
  warnings: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Resolver {
  readonly problems: WireProblem[] = [];
  readonly warnings: string[] = [];

  constructor(private readonly index: SchemaIndex) {}

  component(path: string, value: unknown, isBeamline: boolean): unknown {
    if (!isObject(value)) return value;
    const name = typeof value.name === 'string' ? value.name : (path.split('.').pop() ?? '');
    const node = isBeamline ? this.index.schema?.beamline : this.index.component(name);
    const out: Json = { ...value };
    if (!isBeamline && value.class === undefined) {
      if (node !== undefined) out.class = node.class;
      else this.problems.push({ path, message: this.noClass(name) });
    }
    if (isObject(value.fields)) out.fields = this.fields(`${path}.fields`, value.fields, node);
    if (isObject(value.positions)) {
      out.positions = this.positions(`${path}.positions`, value.positions, node);
    }
    if (isObject(value.subcomponents)) {
      const subcomponents: Json = {};
      for (const [key, child] of Object.entries(value.subcomponents)) {
        subcomponents[key] = this.component(`${path}.subcomponents.${key}`, child, false);
      }
      out.subcomponents = subcomponents;
    }
    return out;
  }

  fields(path: string, fields: Json, node: SchemaComponent | undefined): Json {
    const out: Json = {};
    for (const [key, field] of Object.entries(fields)) {
      out[key] = this.field(`${path}.${key}`, field, schemaItem(node, key));
    }
    return out;
  }

  private positions(path: string, positions: Json, node: SchemaComponent | undefined): Json {
    const out: Json = {};
    for (const [key, axis] of Object.entries(positions)) {
      if (!isObject(axis)) {
        out[key] = axis;
        continue;
      }
      const item = schemaItem(node, key);
      const resolved: Json = {
        ...axis,
        value: this.field(`${path}.${key}.value`, axis.value, item),
      };
      const type = node?.positions[key]?.transformationType;
      if (resolved.transformation_type === undefined && type !== undefined) {
        resolved.transformation_type = type;
      }
      out[key] = resolved;
    }
    return out;
  }

  private field(path: string, field: unknown, item: SchemaField | undefined): unknown {
    if (!isObject(field)) return field;
    if ('timestamps' in field) {
      return { ...field, value: this.dataField(`${path}.value`, field.value, item) };
    }
    const keys = Object.keys(field);
    if (keys.length === 1 && isObject(field.value) && 'value' in field.value) {
      this.warnings.push(
        `${path}: a time series without its timestamps (Assonant's wire form drops them) is ` +
          'written as a plain array, with no times; send the full form for an NXlog',
      );
      return this.dataField(path, field.value, item);
    }
    return this.dataField(path, field, item);
  }

  private dataField(path: string, field: unknown, item: SchemaField | undefined): unknown {
    if (!isObject(field) || item === undefined) return field;
    const out: Json = { ...field };
    const sent = field.unit;
    if ((sent === undefined || sent === null) && item.unit !== undefined) out.unit = item.unit;
    else if (typeof sent === 'string' && item.unit !== undefined && sent !== item.unit) {
      this.warnings.push(
        `${path}: unit "${sent}" sent where the ${this.index.beamlineName} schema (line ${item.row}) says "${item.unit}"; "${sent}" is written`,
      );
    }
    const attributes = schemaAttributes(item);
    if (Object.keys(attributes).length > 0) {
      const given = isObject(field.extra_metadata) ? field.extra_metadata : {};
      out.extra_metadata = { ...attributes, ...given };
    }
    return out;
  }

  private noClass(name: string): string {
    const beamline = this.index.beamlineName;
    return this.index.schema === undefined
      ? `no class; send \`class\`, or upload a ${beamline} schema that lists \`${name}\` (PUT /v1/beamlines/${beamline}/schema) before the scan opens`
      : `no class; send \`class\` or add \`${name}\` to the ${beamline} schema`;
  }
}

/**
 * The schema's columns that have no other place in the file: the PV name.
 * (Data Type is not written: on every field it would make a value differ
 * from the same value sent by another event, and supersede it.)
 */
function schemaAttributes(item: SchemaField): Json {
  return item.pvName !== undefined ? { pv_name: item.pvName } : {};
}

/** An Entry (`{name, beamline, fields}`), wire or full form. */
export function resolveEntry(body: unknown, index: SchemaIndex): WireResolution {
  const resolver = new Resolver(index);
  if (!isObject(body)) return { value: body, problems: [], warnings: [] };
  const value: Json = { ...body };
  if (isObject(body.fields)) value.fields = resolver.fields('fields', body.fields, undefined);
  if (body.beamline !== undefined)
    value.beamline = resolver.component('beamline', body.beamline, true);
  return { value, problems: resolver.problems, warnings: resolver.warnings };
}

/** A device event (`{stage, moment, …, device}`), its device in wire or full form. */
export function resolveDeviceEvent(body: unknown, index: SchemaIndex): WireResolution {
  const resolver = new Resolver(index);
  if (!isObject(body)) return { value: body, problems: [], warnings: [] };
  const value: Json = { ...body };
  if (body.device !== undefined) value.device = resolver.component('device', body.device, false);
  return { value, problems: resolver.problems, warnings: resolver.warnings };
}
