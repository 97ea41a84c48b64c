/**
 * Bounds on the work one file can cause. Files may come from anyone: each
 * bound is far above what a real NeXus file needs, and low enough that a
 * file built to exhaust the validator is stopped in well under a second of
 * its own share of the work.
 */

/** Group nesting followed; NeXus trees are rarely 10 deep (entry/instrument/detector/transformations …). */
export const MAX_DEPTH = 64;

/** Groups and datasets visited in one file; a large real file has a few thousand. */
export const MAX_OBJECTS = 50_000;

/**
 * Soft links followed to reach one object. HDF5's own default limit
 * (H5L_NUM_LINKS) is 16; resolving a longer chain inside h5wasm aborts the
 * WebAssembly module, so links are followed here, one at a time, instead.
 */
export const MAX_SOFT_LINK_HOPS = 16;

/** Steps of one depends_on chain; a real goniometer has fewer than ten axes. */
export const MAX_DEPENDS_ON_CHAIN = 256;

/**
 * Largest dataset or attribute value read, bytes. The checks need short
 * strings and small arrays (a definition, units, a 3-vector); a value above
 * this is reported as `too_large` and not read, so that a tiny file that
 * declares a 2^26-element dataset costs nothing.
 */
export const MAX_VALUE_BYTES = 1024 * 1024;

/** Findings in one report; past it they are counted in `droppedFindings`. */
export const MAX_FINDINGS = 1000;

/** Longest message or path in a report; what a file holds must not come back whole. */
export const MAX_TEXT_CHARS = 500;

/** Cuts `text` to `MAX_TEXT_CHARS`, saying how much was left out. */
export function truncated(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  return `${text.slice(0, MAX_TEXT_CHARS)}… (${text.length - MAX_TEXT_CHARS} more characters)`;
}
