/**
 * Runs one module in a fresh worker thread with `input` as its workerData and
 * resolves with the first message it posts. HDF5 work (h5wasm is synchronous)
 * goes through here so that no event loop that serves requests or renews job
 * locks is blocked by it.
 */
import { Worker } from 'node:worker_threads';

export function runInThread<Input, Output>(module: URL, input: Input): Promise<Output> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(module, { workerData: input });
    let output: { value: Output } | undefined;
    thread.once('message', (message: Output) => {
      output = { value: message };
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (output !== undefined) resolve(output.value);
      else reject(new Error(`thread ${module.pathname} exited with code ${code} before reporting`));
    });
  });
}
