/** Starts one thread per write; the thread exits when the file is written. */
import { Worker } from 'node:worker_threads';
import type { WriteOutcome, WriteRequest } from './write-request.js';

const THREAD_URL = new URL('./nexus-write-thread.js', import.meta.url);

export function runWriteThread(request: WriteRequest): Promise<WriteOutcome> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD_URL, { workerData: request });
    let outcome: WriteOutcome | undefined;
    thread.once('message', (message: WriteOutcome) => {
      outcome = message;
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (outcome !== undefined) resolve(outcome);
      else reject(new Error(`write thread exited with code ${code} before reporting`));
    });
  });
}
