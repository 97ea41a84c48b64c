/**
 * The element types an uploaded array may have: fixed-size little-endian
 * numbers and booleans, the ones HDF5 stores natively. Named as NumPy names
 * them, in either of its spellings (`uint16` or `<u2`).
 */
export interface ArrayDtype {
  /** NumPy's name: `uint16`. */
  readonly name: string;
  /** NumPy's array-protocol string, little-endian: `<u2` (`|u1` for one byte). */
  readonly descr: string;
  readonly itemSize: number;
  readonly kind: 'bool' | 'int' | 'uint' | 'float';
}

const DTYPES: readonly ArrayDtype[] = [
  { name: 'bool', descr: '|b1', itemSize: 1, kind: 'bool' },
  { name: 'int8', descr: '|i1', itemSize: 1, kind: 'int' },
  { name: 'uint8', descr: '|u1', itemSize: 1, kind: 'uint' },
  { name: 'int16', descr: '<i2', itemSize: 2, kind: 'int' },
  { name: 'uint16', descr: '<u2', itemSize: 2, kind: 'uint' },
  { name: 'int32', descr: '<i4', itemSize: 4, kind: 'int' },
  { name: 'uint32', descr: '<u4', itemSize: 4, kind: 'uint' },
  { name: 'int64', descr: '<i8', itemSize: 8, kind: 'int' },
  { name: 'uint64', descr: '<u8', itemSize: 8, kind: 'uint' },
  { name: 'float32', descr: '<f4', itemSize: 4, kind: 'float' },
  { name: 'float64', descr: '<f8', itemSize: 8, kind: 'float' },
];

export const DTYPE_NAMES: readonly string[] = DTYPES.map((dtype) => dtype.name);

/** The dtype named `name` (`uint16`, `<u2`, `u2`, `|u1`), or why there is none. */
export function parseDtype(name: string): ArrayDtype | { problem: string } {
  const trimmed = name.trim();
  const found = DTYPES.find(
    (dtype) =>
      dtype.name === trimmed ||
      dtype.descr === trimmed ||
      dtype.descr.slice(1) === trimmed ||
      (dtype.itemSize === 1 && `<${dtype.descr.slice(1)}` === trimmed),
  );
  if (found !== undefined) return found;
  if (/^>/.test(trimmed) && DTYPES.some((d) => d.descr.slice(1) === trimmed.slice(1))) {
    return {
      problem: `dtype ${trimmed} is big-endian: send little-endian (${trimmed.replace('>', '<')}), e.g. arr.astype('${trimmed.replace('>', '<')}')`,
    };
  }
  if (/^[|<>=]?O/.test(trimmed) || trimmed === 'object') {
    return { problem: `dtype ${trimmed} holds Python objects, not numbers: send a numeric array` };
  }
  return { problem: `dtype ${trimmed} is not one of ${DTYPE_NAMES.join(', ')}` };
}
