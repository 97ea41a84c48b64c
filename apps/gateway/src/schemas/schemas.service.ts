/** Uploading and reading beamline schemas: every accepted upload a new version. */
import { Injectable } from '@nestjs/common';
import {
  parseSchemaCsv,
  parseSchemaRows,
  schemaDigest,
  type SchemaFormat,
  type SchemaProblem,
  type SchemaVersion,
  type StoredSchema,
} from '#libs/beamline-schema/src/index.js';
import { canonicalBeamline, SAFE_NAME_PATTERN } from '#libs/model/src/index.js';
import type { Violation } from '#libs/model/src/index.js';
import { SchemaStore } from '#libs/staging/src/index.js';
import { DomainError } from '../problem/domain-error.js';

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED_PROBLEMS = 100;

@Injectable()
export class SchemasService {
  constructor(private readonly store: SchemaStore) {}

  /** Parses and stores an upload; a schema with any problem stores nothing. */
  async put(
    beamlineParam: string,
    body: unknown,
    format: SchemaFormat,
    createdBy: string,
  ): Promise<SchemaVersion> {
    const beamline = this.beamline(beamlineParam);
    const parsed =
      format === 'csv'
        ? parseSchemaCsv(body instanceof Uint8Array ? body : new Uint8Array())
        : parseSchemaRows(body);
    if (!parsed.ok) throw invalidSchema(beamline, format, parsed.problems);
    return this.store.put(
      {
        beamline,
        sha256: schemaDigest(parsed.rows),
        createdAt: new Date().toISOString(),
        createdBy,
        format,
        rows: parsed.rows.length,
        ...(parsed.title !== undefined ? { title: parsed.title } : {}),
      },
      parsed.rows,
    );
  }

  async get(beamlineParam: string, version?: number): Promise<StoredSchema> {
    const beamline = this.beamline(beamlineParam);
    const schema = await this.store.get(beamline, version);
    if (schema !== undefined) return schema;
    const current = await this.store.currentVersion(beamline);
    throw new DomainError(
      'schema_not_found',
      current === undefined
        ? `Beamline ${beamline} has no schema yet; upload its metadata.csv with PUT /v1/beamlines/${beamline}/schema.`
        : `Beamline ${beamline} has no schema version ${version ?? ''}; its versions are 1 to ${current}.`,
    );
  }

  versions(beamlineParam: string): Promise<SchemaVersion[]> {
    return this.store.versions(this.beamline(beamlineParam));
  }

  private beamline(name: string): string {
    if (!SAFE_NAME_PATTERN.test(name)) {
      throw notABeamline(name);
    }
    return canonicalBeamline(name);
  }
}

export function notABeamline(name: string): DomainError {
  return new DomainError(
    'bad_request',
    `"${name}" is not a beamline name: use letters, digits, _ and -, a letter or digit first, at most 64 (e.g. MOGNO).`,
  );
}

function invalidSchema(
  beamline: string,
  format: SchemaFormat,
  problems: readonly SchemaProblem[],
): DomainError {
  const violations: Violation[] = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => ({
    path: whereOf(format, problem),
    rule: 'schema',
    message: problem.message,
  }));
  const first = violations[0];
  const more =
    problems.length > MAX_LISTED_PROBLEMS ? ` (the first ${MAX_LISTED_PROBLEMS} are listed)` : '';
  return new DomainError(
    'invalid_schema',
    `The schema of ${beamline} has ${problems.length} problem(s)${more}; nothing was stored and ` +
      `the current version stays in force. ${first === undefined ? '' : `${first.path}: ${first.message}`}`,
    violations,
  );
}

/** `line 3, column Class` in a CSV; `[2].Class` (the third row) in JSON rows. */
function whereOf(format: SchemaFormat, { row, column }: SchemaProblem): string {
  if (format === 'json') {
    const item = row > 0 ? `[${row - 1}]` : '';
    return column === '' ? item : `${item}.${column}`;
  }
  if (row === 0) return 'file';
  return column === '' ? `line ${row}` : `line ${row}, column ${column}`;
}
