/**
 * What a DataField `value` (and an `extra_metadata` value) may hold: a scalar,
 * or a rectangular array whose leaves are all numbers (nulls allowed), all
 * strings or all booleans. Those are exactly the shapes an HDF5 dataset or
 * attribute can take, so the writer never meets a value it cannot store.
 */
import { binaryReferenceProblem, claimsBinaryReference } from './binary-reference.js';
import { isJsonObject, jsonKind } from './json-object.js';

/** HDF5's H5S_MAX_RANK: a dataset has at most 32 dimensions. */
export const MAX_ARRAY_RANK = 32;

type LeafKind = 'number' | 'string' | 'boolean';

interface Leaves {
  kind: LeafKind | undefined;
  hasNull: boolean;
}

/** A problem found inside an array, located by its index path, e.g. `[1][0]`. */
interface ArrayProblem {
  at: string;
  what: string;
}

/**
 * Why `value` cannot be stored as a dataset, or undefined when it can. A
 * dataset's value may also name uploaded data (binary-reference.ts).
 */
export function fieldValueProblem(value: unknown): string | undefined {
  if (claimsBinaryReference(value)) return binaryReferenceProblem(value);
  if (isJsonObject(value)) {
    return 'must be a number, string, boolean, null or an array of them, not an object; or {"array": "<arrayId>"} / {"stream": "<name>"} naming uploaded data';
  }
  return metadataValueProblem(value);
}

/** Why `value` cannot be stored as an attribute (no uploaded data there), or undefined. */
export function metadataValueProblem(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'bigint':
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : 'must be a finite number (use null for "no value")';
    case 'undefined':
      return 'is required (null is allowed)';
    default:
      break;
  }
  if (value === null) return undefined;
  if (!Array.isArray(value)) {
    return `must be a number, string, boolean, null or an array of them, not ${jsonKind(value)}`;
  }
  const shape = arrayShape(value);
  if (shape === undefined) return `must have at most ${MAX_ARRAY_RANK} dimensions`;
  const leaves: Leaves = { kind: undefined, hasNull: false };
  const problem = checkLevel(value, 0, shape, leaves);
  if (problem !== undefined)
    return `is not a valid array: at ${problem.at || '[]'} ${problem.what}`;
  if (leaves.hasNull && leaves.kind !== undefined && leaves.kind !== 'number') {
    return `holds null among ${leaves.kind}s; null is allowed only in numeric arrays`;
  }
  return undefined;
}

/** The shape implied by the first element at every depth; undefined when deeper than HDF5 allows. */
function arrayShape(value: unknown[]): number[] | undefined {
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    if (shape.length === MAX_ARRAY_RANK) return undefined;
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  return shape;
}

/** Recursion depth is bounded by the shape's length (at most MAX_ARRAY_RANK). */
function checkLevel(
  array: unknown[],
  dim: number,
  shape: number[],
  leaves: Leaves,
): ArrayProblem | undefined {
  if (array.length !== shape[dim]) {
    return {
      at: '',
      what: `has ${array.length} elements where ${shape[dim]} are expected (arrays must be rectangular)`,
    };
  }
  const innermost = dim === shape.length - 1;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    let problem: ArrayProblem | undefined;
    if (!innermost) {
      problem = Array.isArray(item)
        ? checkLevel(item, dim + 1, shape, leaves)
        : {
            at: '',
            what: `is ${jsonKind(item)} where an array is expected (arrays must be rectangular)`,
          };
    } else {
      problem = checkLeaf(item, leaves);
    }
    if (problem !== undefined) return { at: `[${i}]${problem.at}`, what: problem.what };
  }
  return undefined;
}

function checkLeaf(item: unknown, leaves: Leaves): ArrayProblem | undefined {
  if (item === null) {
    leaves.hasNull = true;
    return undefined;
  }
  let kind: LeafKind;
  switch (typeof item) {
    case 'number':
      if (!Number.isFinite(item)) return { at: '', what: 'is not a finite number' };
      kind = 'number';
      break;
    case 'bigint':
      kind = 'number';
      break;
    case 'string':
      kind = 'string';
      break;
    case 'boolean':
      kind = 'boolean';
      break;
    default:
      return {
        at: '',
        what: Array.isArray(item)
          ? 'is an array where a scalar is expected (arrays must be rectangular)'
          : `is ${jsonKind(item)}; arrays hold only numbers, strings or booleans`,
      };
  }
  if (leaves.kind === undefined) {
    leaves.kind = kind;
  } else if (leaves.kind !== kind) {
    return { at: '', what: `is a ${kind} in an array of ${leaves.kind}s (one type per array)` };
  }
  return undefined;
}
