/**
 * A schema upload, CSV or JSON rows, to its tree. Both forms go through the
 * same rules, so a schema means the same whichever way it was sent.
 */
import { buildSchema, type BuildOutcome } from './build-schema.js';
import { readSchemaCsv } from './read-schema-csv.js';
import { SCHEMA_COLUMNS, type NumberedRow, type SchemaRowCells } from './schema-columns.js';

/** A parsed schema keeps its rows too: they are what is stored and served back. */
export type ParseOutcome =
  | {
      ok: true;
      schema: Extract<BuildOutcome, { ok: true }>['schema'];
      rows: NumberedRow[];
      title?: string;
    }
  | Extract<BuildOutcome, { ok: false }>;

const noRows: ParseOutcome = {
  ok: false,
  problems: [{ row: 0, column: '', message: 'the schema has no rows; add one row per field' }],
};

export function parseSchemaCsv(bytes: Uint8Array): ParseOutcome {
  const read = readSchemaCsv(bytes);
  if (!read.ok) return read;
  const parsed = fromRows(read.rows);
  return parsed.ok && read.title !== undefined ? { ...parsed, title: read.title } : parsed;
}

/**
 * The JSON form: an array of objects keyed by the CSV's column names (a
 * missing key is an empty cell). `row` in a problem is the item's 1-based
 * place in the array.
 */
export function parseSchemaRows(items: unknown): ParseOutcome {
  if (!Array.isArray(items)) {
    return {
      ok: false,
      problems: [{ row: 0, column: '', message: 'send an array of rows, one object per row' }],
    };
  }
  const rows: NumberedRow[] = [];
  for (const [index, item] of (items as unknown[]).entries()) {
    const row = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return {
        ok: false,
        problems: [{ row, column: '', message: 'a row is an object keyed by column names' }],
      };
    }
    const unknown = Object.keys(item).find(
      (key) => !(SCHEMA_COLUMNS as readonly string[]).includes(key),
    );
    if (unknown !== undefined) {
      return {
        ok: false,
        problems: [
          {
            row,
            column: unknown,
            message: `"${unknown}" is not a column; the columns are: ${SCHEMA_COLUMNS.join(', ')}`,
          },
        ],
      };
    }
    const cells = {} as SchemaRowCells;
    for (const column of SCHEMA_COLUMNS) {
      const value: unknown = (item as Record<string, unknown>)[column] ?? '';
      if (typeof value !== 'string') {
        return {
          ok: false,
          problems: [{ row, column, message: 'a cell is a string (empty for none)' }],
        };
      }
      cells[column] = value.trim();
    }
    rows.push({ row, cells });
  }
  return fromRows(rows);
}

function fromRows(rows: NumberedRow[]): ParseOutcome {
  if (rows.length === 0) return noRows;
  const built = buildSchema(rows);
  return built.ok ? { ok: true, schema: built.schema, rows } : built;
}
