/** JSON Pointers (RFC 6901) to name a place in a body, e.g. `/fields/value`. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
