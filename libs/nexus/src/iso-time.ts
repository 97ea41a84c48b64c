/** Conversions between epoch seconds, ISO 8601 strings and sortable instants. */

/**
 * Epoch seconds as an ISO 8601 UTC string with microsecond resolution
 * (`2024-04-25T16:00:00.5Z`), or undefined when outside what ISO 8601 years 0000–9999 cover.
 */
export function epochSecondsToIso(seconds: number | bigint): string | undefined {
  let whole: number;
  let micros = 0;
  if (typeof seconds === 'bigint') {
    whole = Number(seconds);
  } else {
    if (!Number.isFinite(seconds)) return undefined;
    whole = Math.floor(seconds);
    micros = Math.round((seconds - whole) * 1e6);
    if (micros === 1_000_000) {
      whole += 1;
      micros = 0;
    }
  }
  const date = new Date(whole * 1000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999) return undefined;
  const base = date.toISOString().slice(0, 19);
  const fraction = micros === 0 ? '' : `.${String(micros).padStart(6, '0').replace(/0+$/, '')}`;
  return `${base}${fraction}Z`;
}

const ISO_WITH_FRACTION = /^(.+T\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Nanoseconds since the epoch of an ISO 8601 date-time with zone, or undefined when it
 * does not parse or has no zone (its instant would depend on the machine's time zone).
 * Finer than Date's milliseconds so that two client timestamps a microsecond apart
 * still sort in time order.
 */
export function isoToEpochNanos(iso: string): bigint | undefined {
  const match = ISO_WITH_FRACTION.exec(iso.trim());
  if (match === null) return undefined;
  const millis = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(millis)) return undefined;
  const fraction = (match[2] ?? '').padEnd(9, '0').slice(0, 9);
  return BigInt(millis) * 1_000_000n + BigInt(fraction);
}
