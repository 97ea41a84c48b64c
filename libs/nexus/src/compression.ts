/**
 * How a large dataset is compressed: the filters the field uses, by the
 * names a beamline picks them with. Each becomes one HDF5 filter in the
 * dataset's pipeline, with its level there too, so any reader with the
 * filter (h5py with hdf5plugin, silx, DIALS) needs nothing else to read it.
 *
 * - `gzip` (deflate, built into every HDF5): readable everywhere;
 * - `bslz4`: bitshuffle + LZ4 (filter 32008), the MX detectors' choice;
 * - `lz4` (32004) and `zstd` (32015);
 * - `none`: chunked, not compressed.
 */
export const COMPRESSION_NAMES = ['gzip', 'bslz4', 'lz4', 'zstd', 'none'] as const;
export type CompressionName = (typeof COMPRESSION_NAMES)[number];

export interface Compression {
  readonly name: CompressionName;
  /** gzip 1–9, zstd 1–22; the others have none. */
  readonly level?: number;
}

const LEVELS: Partial<Record<CompressionName, { min: number; max: number; default: number }>> = {
  gzip: { min: 1, max: 9, default: 4 },
  zstd: { min: 1, max: 22, default: 3 },
};

/** HDF5's registered filter ids. */
const FILTER_IDS = { gzip: 1, bslz4: 32008, lz4: 32004, zstd: 32015 } as const;
/** Bitshuffle's own code for LZ4 in its third parameter. */
const BITSHUFFLE_LZ4 = 2;

/** `gzip`, `gzip:6`, `zstd:9`, `bslz4`, `lz4`, `none`; or why it is none of them. */
export function parseCompression(text: string): Compression | { problem: string } {
  const [rawName = '', rawLevel, ...rest] = text.trim().toLowerCase().split(':');
  const name = COMPRESSION_NAMES.find((n) => n === rawName);
  if (name === undefined || rest.length > 0) {
    return {
      problem: `compression "${text}" is not one of ${COMPRESSION_NAMES.join(', ')} (gzip and zstd take a level: gzip:6, zstd:9)`,
    };
  }
  const levels = LEVELS[name];
  if (rawLevel === undefined)
    return levels === undefined ? { name } : { name, level: levels.default };
  if (levels === undefined)
    return { problem: `compression ${name} takes no level (send "${name}")` };
  const level = Number(rawLevel);
  if (!Number.isInteger(level) || level < levels.min || level > levels.max) {
    return {
      problem: `${name} level "${rawLevel}" must be a whole number from ${levels.min} to ${levels.max}`,
    };
  }
  return { name, level };
}

/** The text parseCompression reads back: `gzip:4`. */
export function compressionText(compression: Compression): string {
  return compression.level === undefined
    ? compression.name
    : `${compression.name}:${compression.level}`;
}

/** h5wasm's create_dataset options for the filter, or undefined for `none`. */
export function h5Filter(
  compression: Compression,
): { compression: number; compression_opts: number[] } | undefined {
  switch (compression.name) {
    case 'none':
      return undefined;
    case 'gzip':
      return { compression: FILTER_IDS.gzip, compression_opts: [compression.level ?? 4] };
    case 'zstd':
      return { compression: FILTER_IDS.zstd, compression_opts: [compression.level ?? 3] };
    case 'lz4':
      // 0: the filter's default block size.
      return { compression: FILTER_IDS.lz4, compression_opts: [0] };
    case 'bslz4':
      // Block size 0 lets bitshuffle choose; then LZ4 on the shuffled blocks.
      // The filter puts its version and the element size before these.
      return { compression: FILTER_IDS.bslz4, compression_opts: [0, BITSHUFFLE_LZ4] };
  }
}

/** Where a dataset's storage is decided: what to use, and from what size on. */
export interface StoragePolicy {
  readonly compression: Compression;
  /** Numeric datasets of at least this many bytes are chunked and compressed. */
  readonly chunkAboveBytes: number;
}

/** About 1 MiB per chunk, as HDF5's chunk cache and the field's writers expect. */
export const TARGET_CHUNK_BYTES = 1024 * 1024;

/**
 * The chunk shape: one frame (`[1, y, x]`) for a stack of images (rank 3 or
 * more); otherwise whole rows along the first axis, about 1 MiB of them.
 */
export function chunkShape(shape: readonly number[], itemSize: number): number[] {
  const [first = 1, ...rest] = shape;
  if (shape.length >= 3) return [1, ...rest];
  const rowBytes = rest.reduce((n, d) => n * d, itemSize);
  const rows = Math.max(1, Math.min(first, Math.floor(TARGET_CHUNK_BYTES / rowBytes)));
  return [rows, ...rest];
}
