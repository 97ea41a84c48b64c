/**
 * h5wasm, loaded once per process, with HDF5 errors turned into exceptions.
 *
 * Loaded lazily (4 MB of WebAssembly) so that importing this library for its
 * types or its pure mapping costs nothing.
 */
import { closeErrorReports } from './hdf5-streams.js';

type H5wasm = typeof import('h5wasm/node');

export interface Hdf5Runtime {
  readonly h5: H5wasm;
  /** Version of the HDF5 library inside h5wasm, e.g. `2.0.0`, when it could be found. */
  readonly version: string | undefined;
  /**
   * Why the WebAssembly module aborted, once it has: after an abort the
   * module's state is undefined, so whoever owns it must stop using it.
   */
  abortReason(): string | undefined;
  /** Bytes of the WebAssembly memory (it only grows). */
  heapBytes(): number;
}

let runtime: Promise<Hdf5Runtime> | undefined;

export function hdf5Runtime(): Promise<Hdf5Runtime> {
  runtime ??= load().catch((error: unknown) => {
    runtime = undefined; // let a later call retry rather than fail forever
    throw new Error('cannot initialise h5wasm', { cause: error });
  });
  return runtime;
}

async function load(): Promise<Hdf5Runtime> {
  const h5 = await import('h5wasm/node');
  const module = await h5.ready;
  // Without this HDF5 only prints its diagnostics and carries on with a bad file.
  module.activate_throwing_error_handler();
  // The compression filters beyond gzip (bitshuffle, LZ4, Zstd), first on
  // HDF5's plugin path, for writing and for reading back.
  const plugins = await import('h5wasm-plugins');
  plugins.install_local_plugins(module);
  let aborted: string | undefined;
  // Emscripten calls this before it throws the abort as a RuntimeError, which
  // a caller may catch and describe in its own words.
  module.onAbort = (what: unknown) => {
    aborted = String(what);
  };
  return {
    h5,
    version: probeVersion(h5),
    abortReason: () => aborted,
    heapBytes: () => module.HEAPU8.length,
  };
}

/**
 * h5wasm exposes no H5get_libversion, but every HDF5 diagnostic starts with
 * "Error detected in HDF5 (x.y.z)"; opening an empty file name is a harmless way
 * to get one.
 */
function probeVersion(h5: H5wasm): string | undefined {
  try {
    new h5.File('', 'r').close();
  } catch (error) {
    closeErrorReports({ h5 });
    return /Error detected in HDF5 \(([0-9][0-9A-Za-z.-]*)\)/.exec(messageOf(error))?.[1];
  }
  return undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One line from an HDF5 diagnostic: the API call that failed and the innermost
 * reason, e.g. `H5Acreate2(): attribute already exists`. Other messages pass
 * through (first line only).
 */
export function shortHdf5Message(message: string): string {
  const frames = [...message.matchAll(/#\d+: .*? in (\w+\(\)): ([^\n]*)/g)];
  const outer = frames[0];
  const inner = frames[frames.length - 1];
  if (outer === undefined || inner === undefined) return message.split('\n')[0] ?? message;
  return `${outer[1]}: ${inner[2]}`;
}
