/**
 * What h5wasm holds open in its file system, for code that keeps one h5wasm
 * for many files.
 *
 * Two things stay open after an HDF5 error, because h5wasm's C code stops
 * at the exception it throws for the error and never reaches its clean-up:
 * - the diagnostic: h5wasm's error handler prints it to a `tmpfile()` that
 *   it does not close, one descriptor per HDF5 error;
 * - an object the failing call had opened (e.g. the group an attribute was
 *   being added to), which keeps HDF5's file open after `File.close()`.
 * The first can be closed here (nothing reads it again). The second cannot
 * (h5wasm exposes no way to close an object by id): such an h5wasm must be
 * retired, and `openHdf5Files` tells when.
 *
 * Skipping that clean-up also wears HDF5 out: after about 2,000 errors an
 * h5wasm aborts on its next one, so the count of closed diagnostics is also
 * the count of errors an h5wasm has been through.
 */
import type { Hdf5Runtime } from './hdf5-runtime.js';

/** musl's tmpfile() names, under the real /tmp (h5wasm's file system is the host's). */
const ERROR_REPORT = /^\/tmp\/tmpfile_\w+$/;
const STANDARD = new Set(['/dev/stdin', '/dev/stdout', '/dev/stderr', '/dev/tty']);

interface Stream {
  path: string;
}

interface StreamTable {
  streams: (Stream | null | undefined)[];
  close(stream: Stream): void;
}

function table(runtime: Pick<Hdf5Runtime, 'h5'>): StreamTable | undefined {
  return (runtime.h5.FS ?? undefined) as StreamTable | undefined;
}

function streams(runtime: Pick<Hdf5Runtime, 'h5'>): Stream[] {
  return (table(runtime)?.streams ?? []).filter(
    (stream): stream is Stream => stream !== null && stream !== undefined,
  );
}

/** Closes the diagnostics h5wasm's error handler left open; returns how many (one per HDF5 error). */
export function closeErrorReports(runtime: Pick<Hdf5Runtime, 'h5'>): number {
  const fs = table(runtime);
  if (fs === undefined) return 0;
  const reports = streams(runtime).filter((stream) => ERROR_REPORT.test(stream.path));
  for (const stream of reports) fs.close(stream);
  return reports.length;
}

/** Paths of the files h5wasm holds open, the standard streams and diagnostics aside. */
export function openHdf5Files(runtime: Pick<Hdf5Runtime, 'h5'>): string[] {
  return streams(runtime)
    .map((stream) => stream.path)
    .filter((path) => !STANDARD.has(path) && !ERROR_REPORT.test(path));
}
