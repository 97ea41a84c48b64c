/**
 * The Assonant 2.7.1 data model as plain JSON shapes (plus the keys that are ours:
 * `class` on components, `vector`/`offset`/`offset_units`/`depends_on` on axes).
 *
 * These interfaces are what every part of the project exchanges: the gateway's
 * validated bodies, the staged events in Redis, the worker's input to the NeXus
 * writer. The validating classes in `classes/` implement them.
 *
 * Numbers: a body parsed by the gateway carries plain `number`s. The worker
 * re-parses the staged raw text so that integer literals become `bigint` and
 * everything else `number`; that is how an integer keeps its width (int64) and
 * `3.0` stays a float in the file.
 */
import type { ComponentClass } from './component-classes.js';
import type { BinaryReferenceJson } from './rules/binary-reference.js';

export type JsonNumber = number | bigint;
export type ScalarValue = JsonNumber | string | boolean | null;
/** A DataField value: a scalar, or a rectangular (nested) array of scalars. Never an object. */
export type FieldValue = ScalarValue | FieldValue[];
export type MetadataValue = ScalarValue | MetadataValue[];

export interface DataFieldJson {
  /** The value itself, or a reference to an uploaded array or frame stream that holds it. */
  value: FieldValue | BinaryReferenceJson;
  unit?: string | null;
  extra_metadata?: Record<string, MetadataValue>;
}

export interface TimeSeriesJson {
  /** The samples. */
  value: DataFieldJson;
  /** Epoch seconds, one per sample. */
  timestamps: DataFieldJson;
}

export type FieldJson = DataFieldJson | TimeSeriesJson;

export const TRANSFORMATION_TYPES = ['translation', 'rotation'] as const;
export type TransformationType = (typeof TRANSFORMATION_TYPES)[number];

export interface AxisJson {
  value: FieldJson;
  transformation_type: TransformationType;
  /** Direction of the axis, 3 numbers (ours). */
  vector?: [number, number, number];
  /** Offset applied before the transformation, 3 numbers (ours). */
  offset?: [number, number, number];
  offset_units?: string;
  /** Name of the next axis in the chain, or "." (ours). */
  depends_on?: string;
}

export interface ComponentJson {
  class: ComponentClass;
  name: string;
  subcomponents?: Record<string, ComponentJson>;
  positions?: Record<string, AxisJson>;
  fields?: Record<string, FieldJson>;
}

/** The Beamline of an Entry: a component whose class may be omitted (it can only be Beamline). */
export type BeamlineJson = Omit<ComponentJson, 'class'> & { class?: 'Beamline' };

export interface EntryJson {
  name: string;
  beamline: BeamlineJson;
  fields?: Record<string, FieldJson>;
}

export interface ExperimentDoneJson {
  beamline: string;
  filepath: string;
}

export function isTimeSeries(field: FieldJson): field is TimeSeriesJson {
  return 'timestamps' in field;
}
