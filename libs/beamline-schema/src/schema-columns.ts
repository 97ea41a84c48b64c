/** The columns of Assonant's `metadata.csv`, and how their values are read. */
import type { Acquisition } from './schema-types.js';

export const SCHEMA_COLUMNS = [
  'Name',
  'Subcomponent of',
  'Class',
  'Field Name',
  'Unit of Measurement',
  'Data Type',
  'Acquisition Type',
  'PV Name',
  'NeXus Class',
  'NeXus Field Name',
  'Transformation Type',
] as const;

export type SchemaColumn = (typeof SCHEMA_COLUMNS)[number];

/** One row as the CSV (or its JSON form) gives it: every column a string, maybe empty. */
export type SchemaRowCells = Record<SchemaColumn, string>;

/** A row and the CSV line it is on (the header is on line 2). */
export interface NumberedRow {
  row: number;
  cells: SchemaRowCells;
}

/** Assonant's spellings of the acquisition types, compared without case or spaces. */
export const ACQUISITION_TYPES: ReadonlyMap<string, Acquisition> = new Map([
  ['snapshotedatexp.start/end', 'snapshot'],
  ['scannedduringexp.', 'during'],
  ['varyamongexps.', 'varies'],
]);

export const ACQUISITION_SPELLINGS: Record<Acquisition, string> = {
  snapshot: 'Snapshoted at Exp. Start/end',
  during: 'Scanned During Exp.',
  varies: 'Vary Among Exps.',
};
