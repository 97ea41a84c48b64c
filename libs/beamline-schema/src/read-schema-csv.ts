/**
 * Reads Assonant's `metadata.csv` as it is: UTF-8 (a byte-order mark
 * allowed), a free first line (Assonant puts a title there), the header on
 * the second line, one row per line after it. Parsed by csv-parse; what it
 * cannot read is a problem naming the line and, where there is one, the column.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { SCHEMA_COLUMNS, type NumberedRow, type SchemaRowCells } from './schema-columns.js';
import type { SchemaProblem } from './schema-types.js';

/** A CSV record with `info: true`: its cells and the line it ends on. */
interface LineRecord {
  record: string[];
  info: { lines: number };
}

const readRecords = (text: string): LineRecord[] =>
  parse(text, {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as unknown as LineRecord[];

export type ReadOutcome =
  { ok: true; rows: NumberedRow[]; title?: string } | { ok: false; problems: SchemaProblem[] };

const HEADER_LINE = 2;

/** The file as a whole: `row` 0. */
const fileProblem = (message: string): ReadOutcome => ({
  ok: false,
  problems: [{ row: 0, column: '', message }],
});

export function readSchemaCsv(bytes: Uint8Array): ReadOutcome {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notUtf8(bytes);
  }
  if (text.trim() === '')
    return fileProblem('the file is empty; send the CSV with its header on line 2');
  let records: LineRecord[];
  try {
    records = readRecords(text);
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      return {
        ok: false,
        problems: [{ row: line, column: '', message: `not CSV: ${error.message}` }],
      };
    }
    throw error;
  }
  const first = records[0];
  if (first !== undefined && first.info.lines < HEADER_LINE && isHeader(first.record)) {
    return fileProblem(
      `the header is on line 1 and must be on line ${HEADER_LINE}: Assonant reads line 1 as a title, so add a title line above it`,
    );
  }
  const header = records.find((record) => record.info.lines >= HEADER_LINE);
  if (header === undefined || header.info.lines !== HEADER_LINE) {
    return fileProblem(`the header must be on line ${HEADER_LINE} (line 1 is free, e.g. a title)`);
  }
  const positions = new Map<string, number>();
  header.record.forEach((name, index) => positions.set(name, index));
  const missing = SCHEMA_COLUMNS.filter((column) => !positions.has(column));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((column) => ({
        row: HEADER_LINE,
        column,
        message: `the header has no column "${column}"; the columns are: ${SCHEMA_COLUMNS.join(', ')}`,
      })),
    };
  }
  const rows: NumberedRow[] = [];
  for (const { record, info } of records) {
    if (info.lines <= HEADER_LINE) continue;
    const cells = Object.fromEntries(
      SCHEMA_COLUMNS.map((column) => [column, record[positions.get(column) ?? -1] ?? '']),
    ) as SchemaRowCells;
    rows.push({ row: info.lines, cells });
  }
  const title = first !== undefined && first.info.lines < HEADER_LINE ? first.record[0] : '';
  return title === undefined || title === '' ? { ok: true, rows } : { ok: true, rows, title };
}

const isHeader = (cells: readonly string[]): boolean =>
  SCHEMA_COLUMNS.every((column) => cells.includes(column));

/** Names the line and column of the first byte that is not UTF-8. */
function notUtf8(bytes: Uint8Array): ReadOutcome {
  const message = 'the file is not UTF-8; save it as UTF-8 (in a spreadsheet: CSV UTF-8)';
  // Read again with each bad sequence as U+FFFD, to find where the first one is.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  let records: LineRecord[] = [];
  try {
    records = readRecords(lossy);
  } catch {
    // Not CSV either: the line alone is named below.
  }
  const header = records.find((record) => record.info.lines === HEADER_LINE)?.record ?? [];
  for (const { record, info } of records) {
    const at = record.findIndex((cell) => cell.includes('\ufffd'));
    if (at < 0) continue;
    const column = info.lines > HEADER_LINE ? (header[at] ?? '') : '';
    return { ok: false, problems: [{ row: info.lines, column, message }] };
  }
  const line = lossy.split(/\r?\n/).findIndex((text) => text.includes('\ufffd')) + 1;
  return { ok: false, problems: [{ row: line, column: '', message }] };
}
