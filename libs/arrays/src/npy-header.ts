/**
 * The header of NumPy's `.npy` format (what `np.save` writes): the magic
 * `\x93NUMPY`, a version, the header's length, and a Python dict literal
 * giving `descr`, `fortran_order` and `shape`. Read from the first bytes of
 * an upload, before any data is kept, so a bad header costs nothing.
 */
import { parseDtype, type ArrayDtype } from './dtype.js';

export const NPY_MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);

/** A header longer than this is refused rather than buffered (np.save's are 128 bytes or so). */
export const NPY_HEADER_LIMIT = 64 * 1024;

export interface ArrayLayout {
  readonly dtype: ArrayDtype;
  readonly shape: readonly number[];
}

export type NpyHeader =
  | { kind: 'header'; layout: ArrayLayout; /** Bytes before the data. */ dataOffset: number }
  /** More bytes are needed to read the header. */
  | { kind: 'incomplete' }
  | { kind: 'invalid'; problem: string };

export function readNpyHeader(head: Buffer): NpyHeader {
  const magic = head.subarray(0, NPY_MAGIC.length);
  if (!magic.equals(NPY_MAGIC.subarray(0, magic.length))) {
    return {
      kind: 'invalid',
      problem:
        'the body is not a .npy file: it does not start with \\x93NUMPY (send np.save output)',
    };
  }
  if (head.length < 10) return { kind: 'incomplete' };
  const major = head[6] ?? 0;
  if (major < 1 || major > 3) {
    return { kind: 'invalid', problem: `.npy format version ${major} is not one of 1, 2, 3` };
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (head.length < 8 + lengthBytes) return { kind: 'incomplete' };
  const headerLength = major === 1 ? head.readUInt16LE(8) : head.readUInt32LE(8);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (dataOffset > NPY_HEADER_LIMIT) {
    return {
      kind: 'invalid',
      problem: `the .npy header is ${headerLength} bytes: more than ${NPY_HEADER_LIMIT}`,
    };
  }
  if (head.length < dataOffset) return { kind: 'incomplete' };
  const text = head.subarray(8 + lengthBytes, dataOffset).toString(major === 3 ? 'utf8' : 'latin1');
  const layout = parseHeaderDict(text);
  return 'problem' in layout
    ? { kind: 'invalid', problem: layout.problem }
    : { kind: 'header', layout, dataOffset };
}

function parseHeaderDict(text: string): ArrayLayout | { problem: string } {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    // A structured dtype's descr is a list, not a string.
    if (/'descr'\s*:\s*\[/.test(text)) {
      return { problem: 'the .npy holds a structured dtype: send one numeric array per field' };
    }
    return { problem: `the .npy header is not complete: ${JSON.stringify(text.trim())}` };
  }
  if (fortran === 'True') {
    return { problem: 'the .npy is in Fortran order: send C order (np.ascontiguousarray(a))' };
  }
  const dtype = parseDtype(descr);
  if ('problem' in dtype) return dtype;
  const shape = parseShape(shapeText);
  return 'problem' in shape ? shape : { dtype, shape: shape.shape };
}

/** `2048, 2048` or `128,` (a Python tuple's inside) or `2048,2048` (a header's): whole numbers ≥ 0. */
export function parseShape(text: string): { shape: number[] } | { problem: string } {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const shape = parts.map(Number);
  if (parts.some((part) => !/^\d+$/.test(part)) || shape.some((n) => !Number.isSafeInteger(n))) {
    return { problem: `shape (${text}) is not a list of whole numbers` };
  }
  return { shape };
}

/** Bytes the array's data takes: every element, C order, no padding. */
export function dataBytes(layout: ArrayLayout): number {
  return layout.shape.reduce((product, n) => product * n, layout.dtype.itemSize);
}
