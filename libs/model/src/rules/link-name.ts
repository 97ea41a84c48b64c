/**
 * Names that become HDF5 link names: component names and the keys of the
 * `fields`, `positions`, `subcomponents` and `extra_metadata` maps (metadata
 * keys become attribute names, which obey the same rules here).
 */

export const MAX_NAME_LENGTH = 255;

/**
 * Keys that would alter an object's prototype chain or shadow its constructor
 * in any consumer that copies maps into plain objects.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Why `value` cannot be a link name, or undefined when it can. */
export function linkNameProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0) return 'must not be empty';
  if (value === '.' || value === '..') return `must not be "${value}" (a path step in HDF5)`;
  if (value.length > MAX_NAME_LENGTH) {
    return `must be at most ${MAX_NAME_LENGTH} characters long (it has ${value.length})`;
  }
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x2f) return 'must not contain "/" (the HDF5 path separator)';
    if (code < 0x20 || code === 0x7f) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return `must not contain control characters (U+${hex} at position ${i})`;
    }
  }
  if (RESERVED_NAMES.has(value))
    return `must not be a reserved word (${[...RESERVED_NAMES].join(', ')})`;
  return undefined;
}
