/**
 * Whether a writer thread's h5wasm can take another file. One h5wasm serves
 * many files, so what a failed HDF5 call leaves behind adds up (see
 * libs/nexus/src/hdf5-streams.ts); past the point where that is safe the
 * thread is retired and a fresh one takes its place.
 */
import type { Hdf5Runtime } from '#libs/nexus/src/hdf5-runtime.js';
import { closeErrorReports, openHdf5Files } from '#libs/nexus/src/hdf5-streams.js';

/**
 * HDF5 errors one thread may see: h5wasm aborts at about 2,000, and a
 * normal file costs none, so this is a margin that no healthy thread reaches.
 */
export const HDF5_ERROR_BUDGET = 500;

export class WriterHealth {
  private errors = 0;

  constructor(private readonly runtime: Hdf5Runtime) {}

  /** HDF5 errors this thread's h5wasm has been through. */
  get hdf5Errors(): number {
    return this.errors;
  }

  /** Sweeps up after a file; undefined when fit for the next, else why not. */
  afterTask(): string | undefined {
    this.errors += closeErrorReports(this.runtime);
    const aborted = this.runtime.abortReason();
    if (aborted !== undefined) return `h5wasm aborted: ${aborted}`;
    const open = openHdf5Files(this.runtime);
    if (open.length > 0) {
      return `HDF5 kept ${open.join(', ')} open after a failed call, and h5wasm cannot close it`;
    }
    if (this.errors >= HDF5_ERROR_BUDGET) {
      return `h5wasm has been through ${this.errors} HDF5 errors (it aborts at about 2,000)`;
    }
    return undefined;
  }
}
