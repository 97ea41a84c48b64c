/**
 * Uploaded data from the array spool into a dataset, in slices: a block of
 * whole chunk rows at a time (at most SLICE_BYTES) is read from the part
 * files into one reused buffer and handed to HDF5, so a 4 GiB stack passes
 * through a few tens of MiB of memory, never whole, and the WebAssembly heap
 * (which stops at 2 GiB and never shrinks) holds one slice at a time.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Dataset, Group } from 'h5wasm/node';
import type { ChunkedLayout } from './dataset-storage.js';
import { elementCount, type SpooledValue } from './tree.js';

/** The largest block handed to HDF5 in one call. */
export const SLICE_BYTES = 64 * 1024 * 1024;

type TypedArrayOf =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;

/** h5wasm's dtype and the typed array it takes without converting, per NumPy name. */
const ELEMENTS: Record<string, { dtype: string; view: TypedArrayOf }> = {
  // NX_BOOLEAN as unsigned 8-bit 0/1, as the JSON booleans are.
  bool: { dtype: '<B', view: Uint8Array },
  int8: { dtype: '<b', view: Int8Array },
  uint8: { dtype: '<B', view: Uint8Array },
  int16: { dtype: '<h', view: Int16Array },
  uint16: { dtype: '<H', view: Uint16Array },
  int32: { dtype: '<i', view: Int32Array },
  uint32: { dtype: '<I', view: Uint32Array },
  int64: { dtype: '<q', view: BigInt64Array },
  uint64: { dtype: '<Q', view: BigUint64Array },
  float32: { dtype: '<f', view: Float32Array },
  float64: { dtype: '<d', view: Float64Array },
};

function elementOf(value: SpooledValue): { dtype: string; view: TypedArrayOf } {
  const element = ELEMENTS[value.element];
  if (element === undefined) throw new Error(`uploaded data of dtype ${value.element}`);
  return element;
}

/**
 * Creates the dataset and, unless `withData` is false (a dry run that needs
 * only the file's structure), copies the data in. Contiguous when `layout`
 * is undefined (small data, read in one go).
 */
export function writeSpooledDataset(
  parent: Group,
  name: string,
  value: SpooledValue,
  layout: ChunkedLayout | undefined,
  withData: boolean,
): Dataset {
  const { dtype, view } = elementOf(value);
  const shape = [...value.shape];
  if (layout === undefined) {
    const data = withData ? readAll(value, view) : new view(elementCount(shape));
    return parent.create_dataset({ name, data, shape, dtype });
  }
  const [rows = 0, ...frame] = shape;
  // Created empty and extensible along the first axis, as the field's
  // streaming writers make them, then sized: HDF5 allocates chunks as written.
  const created = parent.create_dataset({
    name,
    data: new view(0),
    shape: [0, ...frame],
    maxshape: [null, ...frame],
    dtype,
    ...layout,
  });
  created.resize(shape);
  if (withData) copyRows(created, value, view, rows, layout.chunks[0] ?? 1);
  return created;
}

/** A small value whole: its parts one after another. */
function readAll(value: SpooledValue, view: TypedArrayOf): InstanceType<TypedArrayOf> {
  const bytes = elementCount(value.shape) * value.itemSize;
  const buffer = new ArrayBuffer(bytes);
  const reader = new PartReader(value);
  try {
    reader.read(new Uint8Array(buffer));
  } finally {
    reader.close();
  }
  return new view(buffer);
}

function copyRows(
  dataset: Dataset,
  value: SpooledValue,
  view: TypedArrayOf,
  rows: number,
  chunkRows: number,
): void {
  const rowBytes = rows === 0 ? 0 : (elementCount(value.shape) / rows) * value.itemSize;
  // Whole chunks per slice, so HDF5 filters each chunk once, straight from the slice.
  const chunkBytes = Math.max(1, rowBytes * chunkRows);
  const rowsPerSlice = Math.max(chunkRows, Math.floor(SLICE_BYTES / chunkBytes) * chunkRows);
  const buffer = new ArrayBuffer(Math.min(rows, rowsPerSlice) * rowBytes);
  const reader = new PartReader(value);
  try {
    for (let start = 0; start < rows; start += rowsPerSlice) {
      const count = Math.min(rowsPerSlice, rows - start);
      const bytes = new Uint8Array(buffer, 0, count * rowBytes);
      reader.read(bytes);
      const range: ([] | [number, number])[] = [
        [start, start + count],
        ...value.shape.slice(1).map((): [] => []),
      ];
      dataset.write_slice(range, new view(buffer, 0, (count * rowBytes) / value.itemSize));
    }
  } finally {
    reader.close();
  }
}

/** The part files read in order as one byte sequence; each must hold exactly its share. */
class PartReader {
  private index = 0;
  private fd: number | undefined;
  private readFromPart = 0;
  private readonly partBytes: number;

  constructor(private readonly value: SpooledValue) {
    const total = elementCount(value.shape) * value.itemSize;
    this.partBytes = value.parts.length === 0 ? 0 : total / value.parts.length;
  }

  read(into: Uint8Array): void {
    let filled = 0;
    while (filled < into.length) {
      this.fd ??= this.open();
      const got = readSync(this.fd, into, filled, into.length - filled, null);
      if (got === 0) {
        this.endPart();
        continue;
      }
      filled += got;
      this.readFromPart += got;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): number {
    const part = this.value.parts[this.index];
    if (part === undefined) {
      throw new Error(`${this.value.source}: the spool holds fewer bytes than its shape needs`);
    }
    this.readFromPart = 0;
    return openSync(part, 'r');
  }

  private endPart(): void {
    if (this.readFromPart !== this.partBytes) {
      throw new Error(
        `${this.value.source}: ${this.value.parts[this.index] ?? ''} holds ${this.readFromPart} bytes, not ${this.partBytes}`,
      );
    }
    this.close();
    this.index += 1;
  }
}
