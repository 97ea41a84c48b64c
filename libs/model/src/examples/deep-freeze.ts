/**
 * Examples are shared by every test and by the Swagger document: frozen, so
 * that a consumer that mutates one fails loudly instead of changing the others.
 * Clone (structuredClone) before editing.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
