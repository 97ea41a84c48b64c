/**
 * A beamline schema: what Assonant's per-beamline `metadata.csv` says each
 * device, field, position and PV of the beamline is. Framework-free.
 */
import type { ComponentClass } from '#libs/model/src/component-classes.js';
import type { TransformationType } from '#libs/model/src/assonant-json.js';

/** When a field is collected (the CSV's `Acquisition Type`). */
export type Acquisition = 'snapshot' | 'during' | 'varies';

/** One field or position of a component, from one CSV row. */
export interface SchemaField {
  name: string;
  /** The CSV line it came from (1-based), for messages. */
  row: number;
  unit?: string;
  dataType?: string;
  acquisition?: Acquisition;
  pvName?: string;
  nexusFieldName?: string;
}

export interface SchemaPosition extends SchemaField {
  transformationType: TransformationType;
}

export interface SchemaComponent {
  name: string;
  class: ComponentClass;
  row: number;
  nexusClass?: string;
  fields: Record<string, SchemaField>;
  positions: Record<string, SchemaPosition>;
  subcomponents: Record<string, SchemaComponent>;
}

/** The schema's tree: the beamline component and, below it, every device. */
export interface BeamlineSchema {
  beamline: SchemaComponent;
}

/** What is wrong with a schema, and where: `row` is the CSV line, `column` its header. */
export interface SchemaProblem {
  row: number;
  column: string;
  message: string;
}
