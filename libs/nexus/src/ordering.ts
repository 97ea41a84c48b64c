/**
 * The total orders that make the file independent of arrival order: one for
 * events (which value wins a conflict) and one for entry names (which NXentry is
 * the file's default).
 */
import type { StagedEvent } from '#libs/model/src/scan/index.js';
import { ACQUISITION_MOMENTS, EXPERIMENT_STAGES } from '#libs/model/src/naming.js';
import { isoToEpochNanos } from './iso-time.js';

/**
 * Entry events first (whole snapshots), then device events (single devices that
 * refine them); then by timestamp, undated before dated; then by eventId; and
 * finally by content, so that even a repeated eventId cannot make the order depend
 * on arrival.
 */
export function sortEvents(events: readonly StagedEvent[]): StagedEvent[] {
  return [...events].sort(compareEvents);
}

function compareEvents(a: StagedEvent, b: StagedEvent): number {
  return (
    kindRank(a) - kindRank(b) ||
    compareInstants(instantOf(a), instantOf(b)) ||
    compareStrings(a.eventId, b.eventId) ||
    compareStrings(canonicalJson(a), canonicalJson(b))
  );
}

function kindRank(event: StagedEvent): number {
  return event.kind === 'entry' ? 0 : 1;
}

function instantOf(event: StagedEvent): bigint | undefined {
  return event.kind === 'device' && event.timestamp !== undefined
    ? isoToEpochNanos(event.timestamp)
    : undefined;
}

function compareInstants(a: bigint | undefined, b: bigint | undefined): number {
  if (a === undefined || b === undefined)
    return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-unit order: locale-independent, so every machine sorts alike. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with sorted keys and bigint digits: equal content ⇔ equal text. */
function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([x], [y]) => compareStrings(x, y));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Experiment order: stages as Assonant lists them, then start < during < end;
 * names outside that scheme after, by name.
 */
export function compareEntryNames(a: string, b: string): number {
  return compareRanks(entryRank(a), entryRank(b)) || compareStrings(a, b);
}

function entryRank(name: string): [number, number] {
  const stage = EXPERIMENT_STAGES.findIndex((s) => name.startsWith(`${s}_`));
  const moment = ACQUISITION_MOMENTS.findIndex((m) => name === `${EXPERIMENT_STAGES[stage]}_${m}`);
  return stage < 0 || moment < 0 ? [Infinity, 0] : [stage, moment];
}

function compareRanks(a: [number, number], b: [number, number]): number {
  return a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] - b[1];
}
