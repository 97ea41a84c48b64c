/**
 * How each dataset is laid out on disk: small ones contiguous, as HDF5 does
 * by default; numeric ones from `chunkAboveBytes` on chunked (chunk-shape in
 * compression.ts) and compressed with the policy's filter, or the one their
 * upload asked for.
 */
import { chunkShape, h5Filter, type Compression, type StoragePolicy } from './compression.js';
import { elementCount, type NxValue } from './tree.js';

/** gzip (level 4, h5py's) from 1 MiB on: what the writer uses unless told. */
export const DEFAULT_STORAGE: StoragePolicy = {
  compression: { name: 'gzip', level: 4 },
  chunkAboveBytes: 1024 * 1024,
};

export interface ChunkedLayout {
  chunks: number[];
  compression?: number;
  compression_opts?: number[];
}

const ITEM_SIZES: Record<Exclude<NxValue['dtype'], 'spooled' | 'string'>, number> = {
  float64: 8,
  int64: 8,
  bool: 1,
};

/** The chunks and filter of `value` under `policy`, or undefined to write it contiguous. */
export function chunkedLayout(value: NxValue, policy: StoragePolicy): ChunkedLayout | undefined {
  // Variable-length strings cannot go through HDF5's filters.
  if (value.dtype === 'string' || value.shape.length === 0) return undefined;
  const itemSize = value.dtype === 'spooled' ? value.itemSize : ITEM_SIZES[value.dtype];
  const count = elementCount(value.shape);
  if (count === 0 || count * itemSize < policy.chunkAboveBytes) return undefined;
  const compression: Compression =
    value.dtype === 'spooled' && value.compression !== undefined
      ? value.compression
      : policy.compression;
  return { chunks: chunkShape(value.shape, itemSize), ...h5Filter(compression) };
}
