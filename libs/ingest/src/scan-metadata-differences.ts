/** What a re-open sends that disagrees with the scan on record. */
import type { ScanMetadata } from '#libs/model/src/scan/index.js';

const COMPARED = ['beamline', 'proposal', 'technique', 'title', 'startTime'] as const;

/**
 * One sentence per difference. A title or start time the re-open leaves out
 * is not a difference: the caller only asks for the scan to be open.
 */
export function metadataDifferences(existing: ScanMetadata, sent: ScanMetadata): string[] {
  return COMPARED.filter(
    (key) => sent[key] !== undefined && !sameValue(key, existing[key], sent[key]),
  ).map(
    (key) => `${key} is ${JSON.stringify(existing[key] ?? null)}, not ${JSON.stringify(sent[key])}`,
  );
}

/** Start times are instants: the same moment in another time zone is the same. */
function sameValue(key: string, recorded: string | undefined, sent: string | undefined): boolean {
  if (key === 'startTime' && recorded !== undefined && sent !== undefined) {
    return Date.parse(recorded) === Date.parse(sent);
  }
  return recorded === sent;
}
