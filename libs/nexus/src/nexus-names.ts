/**
 * NeXus item names (NXDL `validItemName`): letters, digits and `_`, with `.`
 * allowed inside. Names arrive from JSON keys, so anything else is mapped
 * rather than rejected: the file must still hold the datum.
 */
const VALID_NAME = /^[A-Za-z0-9_]([A-Za-z0-9_.]*[A-Za-z0-9_])?$/;

export function isValidNexusName(name: string): boolean {
  return VALID_NAME.test(name);
}

/** `name` itself when valid, else every offending character replaced by `_`. */
export function toNexusName(name: string): string {
  if (isValidNexusName(name)) return name;
  const replaced = name.replace(/[^A-Za-z0-9_.]/g, '_').replace(/^\.|\.$/g, '_');
  return replaced === '' ? '_' : replaced;
}

/** `base` if `taken` does not hold it, else the first free `base_1`, `base_2`, ... */
export function freeName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken(candidate)) return candidate;
  }
}
