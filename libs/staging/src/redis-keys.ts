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

  /** eventId → digest of the event's content, to tell a repeat from a conflicting reuse. */
  digests(scanId: string): string {
    return `${this.prefix}:scan:{${scanId}}:digests`;
  }

  /**
   * Bytes of event text staged and not yet written, over all scans: the bound
   * that keeps Redis from growing without limit. (One key for all scans: on a
   * Redis Cluster the staging script would need it in every scan's slot.)
   */
  stagedBytes(): string {
    return `${this.prefix}:staged-bytes`;
  }

  /** Sorted set of scan ids by creation time (ms), optionally narrowed to a beamline or proposal. */
  catalog(filter?: { beamline?: string; proposal?: string }): string {
    if (filter?.beamline !== undefined) return `${this.prefix}:catalog:beamline:${filter.beamline}`;
    if (filter?.proposal !== undefined) return `${this.prefix}:catalog:proposal:${filter.proposal}`;
    return `${this.prefix}:catalog`;
  }
}

export type EventKind = 'entries' | 'devices';
