/**
 * The schema a scan pinned, parsed and indexed once and kept: a version never
 * changes once stored, so a parsed one stays right for as long as it is kept.
 * Bounded, the least recently used dropped first.
 */
import {
  indexPinnedSchema,
  indexSchema,
  type SchemaIndex,
} from '#libs/beamline-schema/src/index.js';
import type { SchemaPin } from '#libs/model/src/scan/index.js';
import type { SchemaStore } from '#libs/staging/src/index.js';

const KEPT = 64;

export class PinnedSchemas {
  private readonly kept = new Map<string, SchemaIndex>();

  constructor(private readonly store: SchemaStore | undefined) {}

  /** The index a scan of `beamline` reads its events with; an empty one when it pinned none. */
  async index(beamline: string, pin: SchemaPin | undefined): Promise<SchemaIndex> {
    if (pin === undefined || this.store === undefined) return indexSchema(beamline, undefined);
    const key = `${beamline}\u0000${pin.version}`;
    const found = this.kept.get(key);
    if (found !== undefined) {
      this.kept.delete(key);
      this.kept.set(key, found);
      return found;
    }
    const stored = await this.store.get(beamline, pin.version);
    if (stored === undefined) {
      throw new Error(
        `schema version ${pin.version} of ${beamline}, pinned by a scan, is not stored`,
      );
    }
    const index = indexPinnedSchema(beamline, pin.version, stored.rows);
    this.kept.set(key, index);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return index;
  }
}
