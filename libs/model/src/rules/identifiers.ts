/**
 * Identifiers chosen by clients that end up in Redis keys, file names and
 * URLs: a conservative alphabet, a letter or digit first, bounded length.
 */

/** Beamline names, proposal numbers, scan ids. */
export const SAFE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Event ids may also carry `.` and `:` (e.g. `mogno:dcm:0001`). */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/**
 * Beamline names are case-insensitive: `mogno` and `MOGNO` are the same
 * beamline, with one folder, one catalog index and one key scope. The
 * canonical form is upper case, as facilities name their beamlines.
 */
export function canonicalBeamline(name: string): string {
  return name.toUpperCase();
}
