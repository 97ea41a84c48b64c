/**
 * Date-times the gateway stores: ISO 8601 extended format with the time and a
 * time zone, e.g. `2024-04-25T16:00:00-03:00`. NeXus wants zoned times, and a
 * time without a zone cannot be placed on the timeline afterwards.
 */
import isISO8601Module from 'validator/lib/isISO8601.js';

// validator.js's own module, without class-validator around it: a CommonJS
// module whose types declare the function as its default export.
const isISO8601 = isISO8601Module.default;

/** The profile: seconds and fraction optional, zone `Z` or `±hh:mm` required. */
const ZONED_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isZonedDateTime(value: unknown): boolean {
  // isISO8601 strict adds the calendar checks (no 2024-02-30, no hour 25).
  return (
    typeof value === 'string' &&
    ZONED_DATE_TIME.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true })
  );
}
