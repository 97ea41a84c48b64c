/**
 * What a scan's uploaded arrays and frame streams are to the mapping: the
 * value each reference names, and, once the events are placed, what no
 * field named, so that it is written all the same. libs/arrays builds it
 * from the array spool; the mapping only asks.
 */
import type { BinaryReferenceJson } from '#libs/model/src/rules/binary-reference.js';
import type { SpooledValue } from './tree.js';

export interface UploadedData {
  /** The value a reference names, or why it names nothing the scan has. */
  resolve(reference: BinaryReferenceJson): SpooledValue | { problem: string };
  /** Arrays and streams no resolve() asked for, each with the name to write it under. */
  unreferenced(): { name: string; value: SpooledValue }[];
  /** What the data itself says is wrong (a stream's missing frames). */
  warnings(): string[];
}

/** For a scan without uploads: every reference names nothing. */
export const NO_UPLOADED_DATA: UploadedData = {
  resolve: (reference) => ({
    problem:
      'array' in reference
        ? `array ${reference.array} was not uploaded to this scan`
        : `stream ${reference.stream} has no frames`,
  }),
  unreferenced: () => [],
  warnings: () => [],
};
