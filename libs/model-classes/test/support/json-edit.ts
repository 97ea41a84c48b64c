/** Building malformed bodies from valid examples, without touching the (frozen) originals. */

export const REMOVE = Symbol('remove');

/** A path through objects and arrays: keys and indexes. */
export type JsonPath = readonly (string | number)[];

/** A deep, mutable copy of a JSON value. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A copy of `body` with the value at `path` replaced (or removed). Keys are
 * defined, not assigned, so `__proto__` becomes an own key as JSON.parse makes it.
 */
export function edit(body: unknown, path: JsonPath, value: unknown): unknown {
  const copy = clone(body);
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => child(node, key), copy);
  const last = path[path.length - 1];
  if (last === undefined || typeof parent !== 'object' || parent === null) {
    throw new Error(`cannot edit at ${path.join('.')}`);
  }
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else {
    Object.defineProperty(parent, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Several edits, applied in order. */
export function edits(body: unknown, ...changes: [JsonPath, unknown][]): unknown {
  return changes.reduce((current, [path, value]) => edit(current, path, value), body);
}

function child(node: unknown, key: string | number): unknown {
  if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
    throw new Error(`no ${String(key)} in the example`);
  }
  return (node as Record<string | number, unknown>)[key];
}

/** Dotted path to segments; enough for example paths, whose keys hold no dots. */
export function at(dotted: string): string[] {
  return dotted.split('.');
}
