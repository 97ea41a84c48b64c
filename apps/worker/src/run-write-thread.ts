/** Builds, writes and validates one scan file in a thread of its own. */
import { runInThread } from '#libs/threads/src/run-in-thread.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

const THREAD_URL = new URL('./nexus-write-thread.js', import.meta.url);

export function runWriteThread(request: WriteRequest): Promise<WriteOutcome> {
  return runInThread<WriteRequest, WriteOutcome>(THREAD_URL, request);
}
