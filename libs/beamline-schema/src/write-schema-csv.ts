/** A schema's rows back as Assonant's `metadata.csv`: a title line, the header, the rows. */
import { stringify } from 'csv-stringify/sync';
import { SCHEMA_COLUMNS, type SchemaRowCells } from './schema-columns.js';

export function writeSchemaCsv(title: string, rows: readonly SchemaRowCells[]): string {
  return stringify([
    [title, ...SCHEMA_COLUMNS.slice(1).map(() => '')],
    [...SCHEMA_COLUMNS],
    ...rows.map((cells) => SCHEMA_COLUMNS.map((column) => cells[column])),
  ]);
}
