/**
 * Redis key layout. A scan's keys share the hash tag `{scanId}` so that they
 * live in one slot and the Lua scripts that touch them stay atomic.
 */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  scan(scanId: string): string {
    return `${this.prefix}:scan:{${scanId}}`;
  }

  /** eventId → raw JSON text of the event, exactly as received. */
  events(scanId: string, kind: EventKind): string {
    return `${this.prefix}:scan:{${scanId}}:${kind}`;
  }

  /**
   * eventId → digest, kept by earlier releases; deleted with the scan's
   * events. An id's kind and content are now read from the events themselves.
   */
  legacyDigests(scanId: string): string {
    return `${this.prefix}:scan:{${scanId}}:digests`;
  }

  /**
   * Bytes of event text staged and not yet written, over all scans or of one
   * beamline: the bounds that keep Redis from growing without limit and one
   * beamline from taking all of it. (Keys shared by scans: on a Redis Cluster
   * the staging script would need them in every scan's slot.)
   */
  stagedBytes(beamline?: string): string {
    return beamline === undefined
      ? `${this.prefix}:staged-bytes`
      : `${this.beamlineStagedBytesPrefix()}${beamline}`;
  }

  /**
   * What the Lua scripts prepend to a scan's beamline to name its counter:
   * they read the beamline from the scan's own record, so no caller's stale
   * idea of it can charge or free the wrong budget.
   */
  beamlineStagedBytesPrefix(): string {
    return `${this.prefix}:staged-bytes:beamline:`;
  }

  /**
   * The keys a script needs to end a scan's staging, in the order the scripts
   * take them: scan, entries, devices, legacy digests, global staged-bytes counter.
   */
  stagingKeys(scanId: string): string[] {
    return [
      this.scan(scanId),
      this.events(scanId, 'entries'),
      this.events(scanId, 'devices'),
      this.legacyDigests(scanId),
      this.stagedBytes(),
    ];
  }

  /**
   * A beamline's schema versions: `current` (the newest number) and, per
   * version N, `v:N` (its metadata JSON). Tagged by beamline so the upload
   * script's two keys share a slot.
   */
  schemaVersions(beamline: string): string {
    return `${this.prefix}:schema:{${beamline}}:versions`;
  }

  /** Version number → the rows JSON of that version (kept apart: listing versions reads no rows). */
  schemaRows(beamline: string): string {
    return `${this.prefix}:schema:{${beamline}}:rows`;
  }

  /** Sorted set of open scan ids by opening time (ms), so the expiry sweep reads only the expired. */
  openScans(): string {
    return `${this.prefix}:open-scans`;
  }

  /**
   * Sorted set of scan ids by creation time (ms), narrowed to the scans that
   * have every value of `filter`: one set per combination a scan has (see
   * catalog-keys.ts), so a filtered page reads only its own scans. The
   * fields come in a fixed order and values hold no `:`, so two filters
   * never share a key; the beamline-only and proposal-only keys are those
   * of the first catalog, which had only these two.
   */
  catalog(filter: CatalogIndexFilter = {}): string {
    let key = `${this.prefix}:catalog`;
    for (const field of CATALOG_INDEX_FIELDS) {
      const value = filter[field];
      if (value !== undefined) key += `:${field}:${value}`;
    }
    return key;
  }

  /** Which layout the catalog sets have; the backfill brings older data up to it. */
  catalogIndexVersion(): string {
    return `${this.prefix}:catalog-index-version`;
  }
}

/** The equality filters of the catalog, each with its own sorted sets. */
export const CATALOG_INDEX_FIELDS = ['beamline', 'proposal', 'technique', 'status'] as const;
export type CatalogIndexFilter = Partial<Record<(typeof CATALOG_INDEX_FIELDS)[number], string>>;

export type EventKind = 'entries' | 'devices';
