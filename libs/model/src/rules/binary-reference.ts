/**
 * A DataField value that names binary data uploaded beside the events
 * (`POST /v1/scans/{scanId}/arrays`) instead of carrying it as JSON text:
 * `{"array": "<arrayId>"}` for one array, `{"stream": "<name>"}` for a
 * detector's frames, stacked in index order.
 */
import { isJsonObject, jsonKind } from './json-object.js';
import { linkNameProblem } from './link-name.js';

export interface ArrayReferenceJson {
  array: string;
}

export interface StreamReferenceJson {
  stream: string;
}

export type BinaryReferenceJson = ArrayReferenceJson | StreamReferenceJson;

/** The ids the array spool gives: `arr_` and a UUID. */
export const ARRAY_ID_PATTERN =
  /^arr_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An object with an `array` or a `stream` key claims to be a reference (the rules then check it). */
export function claimsBinaryReference(value: unknown): value is Record<string, unknown> {
  return isJsonObject(value) && (Object.hasOwn(value, 'array') || Object.hasOwn(value, 'stream'));
}

/** A validated DataField value: a reference is its only kind of object. */
export function isBinaryReference(value: unknown): value is BinaryReferenceJson {
  return isJsonObject(value);
}

/** The reference `value` is, or undefined when it is none (or not a valid one). */
export function binaryReferenceOf(value: unknown): BinaryReferenceJson | undefined {
  if (!claimsBinaryReference(value) || binaryReferenceProblem(value) !== undefined)
    return undefined;
  return typeof value.array === 'string'
    ? { array: value.array }
    : { stream: value.stream as string };
}

/** Why an object claiming to be a reference is not a valid one, or undefined. */
export function binaryReferenceProblem(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return `names uploaded data with exactly one key, {"array": "<arrayId>"} or {"stream": "<name>"}; this object has ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
  }
  if (Object.hasOwn(value, 'array')) {
    const id = value.array;
    if (typeof id !== 'string') return `array must be an arrayId string, not ${jsonKind(id)}`;
    if (!ARRAY_ID_PATTERN.test(id)) {
      return `array "${id}" is not an arrayId (arr_ and a UUID, as POST /v1/scans/{scanId}/arrays answers)`;
    }
    return undefined;
  }
  const name = value.stream;
  if (typeof name !== 'string') return `stream must be a stream name string, not ${jsonKind(name)}`;
  const problem = linkNameProblem(name);
  return problem === undefined ? undefined : `stream "${name}" ${problem}`;
}

/** Every reference in an event body, with where it is (`fields.data.value`). */
export function binaryReferencesIn(
  body: unknown,
  at = '',
): { path: string; reference: BinaryReferenceJson }[] {
  const found: { path: string; reference: BinaryReferenceJson }[] = [];
  visit(body, at, found);
  return found;
}

function visit(
  node: unknown,
  path: string,
  found: { path: string; reference: BinaryReferenceJson }[],
): void {
  if (Array.isArray(node)) return;
  if (!isJsonObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    const reference = key === 'value' ? binaryReferenceOf(child) : undefined;
    if (reference !== undefined) found.push({ path: childPath, reference });
    else visit(child, childPath, found);
  }
}
