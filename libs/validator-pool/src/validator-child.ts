/**
 * A validator process: loads h5wasm and the NXDL rules once, then validates
 * the files the pool sends it, one at a time. A file that makes HDF5 abort
 * kills only this process; the pool starts another.
 */
import workerpool from 'workerpool';
import { hdf5Runtime, messageOf, shortHdf5Message } from '#libs/nexus/src/hdf5-runtime.js';
import { validateNexusFile, type ValidateOptions } from '#libs/nxdl/src/index.js';
import {
  VALIDATE_METHOD,
  type ChildAnswer,
  type FatalEvent,
  type StartedEvent,
  type ValidateFileRequest,
} from './protocol.js';

/** Time for the last message to reach the parent before the process goes. */
const IPC_FLUSH_MS = 50;
const EXIT_AFTER_TRAP = 70;

async function validateFile(request: ValidateFileRequest): Promise<ChildAnswer> {
  workerpool.workerEmit({ pid: process.pid } satisfies StartedEvent);
  // Let the pid reach the parent before HDF5 holds this event loop for the whole file.
  await new Promise((resolve) => setImmediate(resolve));
  const options: ValidateOptions = { externalLinks: request.externalLinks };
  if (request.app !== undefined) options.app = request.app;
  try {
    return { ok: true, report: await validateNexusFile(request.file, options) };
  } catch (error) {
    if (error instanceof Error && error.name === 'RuntimeError') return abandon(error);
    return { ok: false, message: shortHdf5Message(messageOf(error)) };
  }
}

/**
 * After a WebAssembly trap h5wasm's memory is in an unknown state, and no
 * other file may be read with it: say why, then exit without answering, so
 * that the pool gives this process no further file and starts a fresh one.
 */
function abandon(error: Error): Promise<never> {
  workerpool.workerEmit({ fatal: `HDF5 aborted: ${error.message}` } satisfies FatalEvent);
  setTimeout(() => process.exit(EXIT_AFTER_TRAP), IPC_FLUSH_MS);
  return new Promise<never>(() => undefined);
}

await hdf5Runtime();
workerpool.worker({ [VALIDATE_METHOD]: validateFile });
