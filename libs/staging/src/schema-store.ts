/**
 * Beamline schemas in Redis, durable like events. A version, once stored,
 * never changes: the scans that pinned it build from the same rows for as
 * long as they live.
 */
import type { Redis } from 'ioredis';
import type { NumberedRow, SchemaVersion, StoredSchema } from '#libs/beamline-schema/src/index.js';
import { RedisKeys } from './redis-keys.js';
import { defineScanScripts, runScript } from './run-script.js';
import { PUT_SCHEMA } from './schema-scripts.js';

/** A version about to be stored: everything but its number, which Redis gives. */
export type NewSchemaVersion = Omit<SchemaVersion, 'version'>;

export class SchemaStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
  ) {
    this.keys = new RedisKeys(keyPrefix);
    defineScanScripts(redis);
  }

  /** Stores a new version and makes it current. */
  async put(meta: NewSchemaVersion, rows: readonly NumberedRow[]): Promise<SchemaVersion> {
    const { beamline, ...rest } = meta;
    const head = `${JSON.stringify({ beamline }).slice(0, -1)},"version":`;
    const tail = `,${JSON.stringify(rest).slice(1)}`;
    const version = await runScript(
      this.redis,
      PUT_SCHEMA,
      2,
      this.keys.schemaVersions(beamline),
      this.keys.schemaRows(beamline),
      head,
      tail,
      JSON.stringify(rows),
    );
    return JSON.parse(`${head}${Number(version)}${tail}`) as SchemaVersion;
  }

  /** The current version's number, or undefined when the beamline has no schema. */
  async currentVersion(beamline: string): Promise<number | undefined> {
    const current = await this.redis.hget(this.keys.schemaVersions(beamline), 'current');
    return current === null ? undefined : Number(current);
  }

  /** The current version's metadata, without its rows (what a scan pins when it opens). */
  async current(beamline: string): Promise<SchemaVersion | undefined> {
    const number = await this.currentVersion(beamline);
    if (number === undefined) return undefined;
    const meta = await this.redis.hget(this.keys.schemaVersions(beamline), `v:${number}`);
    return meta === null ? undefined : (JSON.parse(meta) as SchemaVersion);
  }

  /** One version with its rows: the current one when `version` is not given. */
  async get(beamline: string, version?: number): Promise<StoredSchema | undefined> {
    const number = version ?? (await this.currentVersion(beamline));
    if (number === undefined) return undefined;
    const [meta, rows] = await Promise.all([
      this.redis.hget(this.keys.schemaVersions(beamline), `v:${number}`),
      this.redis.hget(this.keys.schemaRows(beamline), String(number)),
    ]);
    if (meta === null || rows === null) return undefined;
    return {
      version: JSON.parse(meta) as SchemaVersion,
      rows: JSON.parse(rows) as NumberedRow[],
    };
  }

  /** Every version of the beamline's schema, oldest first. */
  async versions(beamline: string): Promise<SchemaVersion[]> {
    const all = await this.redis.hgetall(this.keys.schemaVersions(beamline));
    return Object.entries(all)
      .filter(([field]) => field.startsWith('v:'))
      .map(([, text]) => JSON.parse(text) as SchemaVersion)
      .sort((a, b) => a.version - b.version);
  }
}
