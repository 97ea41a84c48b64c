/** One accepted upload of a beamline's schema, as stored and listed. */
import { createHash } from 'node:crypto';
import { SCHEMA_COLUMNS, type NumberedRow } from './schema-columns.js';

export type SchemaFormat = 'csv' | 'json';

export interface SchemaVersion {
  beamline: string;
  /** 1 for the first upload of the beamline, then one more for each. */
  version: number;
  /** Of the rows' cells (not of the upload's bytes), so CSV and JSON of one schema agree. */
  sha256: string;
  /** ISO 8601. */
  createdAt: string;
  /** The id of the key that uploaded it, or `anonymous` when the gateway takes no keys. */
  createdBy: string;
  format: SchemaFormat;
  rows: number;
  /** The CSV's first line, which Assonant keeps for a title. */
  title?: string;
}

/** A version with its rows: what the gateway and the worker build from. */
export interface StoredSchema {
  version: SchemaVersion;
  rows: NumberedRow[];
}

/** The digest of a schema's content: its cells row by row, in column order. */
export function schemaDigest(rows: readonly NumberedRow[]): string {
  const hash = createHash('sha256');
  for (const { cells } of rows) {
    hash.update(JSON.stringify(SCHEMA_COLUMNS.map((column) => cells[column])));
    hash.update('\n');
  }
  return hash.digest('hex');
}
