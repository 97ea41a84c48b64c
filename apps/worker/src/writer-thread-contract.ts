/** What the writer threads and their pool agree on, beyond the write request itself. */
import type { WriteOutcome } from './write-request.js';

/** Name of the error a writer thread dies with when it retires itself. */
export const RETIRED_THREAD = 'WriterThreadRetired';

/** A retiring thread's error carries the outcome of its last file. */
export interface RetiredThreadError extends Error {
  outcome: WriteOutcome;
}

export function isRetiredThreadError(error: unknown): error is RetiredThreadError {
  return (
    error instanceof Error &&
    error.name === RETIRED_THREAD &&
    typeof (error as Partial<RetiredThreadError>).outcome === 'object'
  );
}

export interface ThreadState {
  threadId: number;
  /** Bytes of the thread's WebAssembly memory. */
  heapBytes: number;
  /** Files h5wasm holds open: none between two files. */
  openFiles: string[];
  /** HDF5 errors the thread's h5wasm has been through. */
  hdf5Errors: number;
}
