/** Runs in a worker thread: h5wasm reads synchronously and must not stall the gateway. */
import { parentPort, workerData } from 'node:worker_threads';
import { validateNexusFile, type ValidationReport } from '#libs/nxdl/src/index.js';

export interface ValidateRequest {
  file: string;
  /** Validate every entry against this definition instead of its own `definition`. */
  app?: string;
}

export type ValidateOutcome =
  { ok: true; report: ValidationReport } | { ok: false; message: string };

async function run(request: ValidateRequest): Promise<ValidateOutcome> {
  try {
    const options = request.app !== undefined ? { app: request.app } : {};
    return { ok: true, report: await validateNexusFile(request.file, options) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(await run(workerData as ValidateRequest));
