/** Where one file's time went, as the worker logs it (ms, rounded to 0.01). */
import type { ThreadPhases } from './write-request.js';

export interface FileTimes {
  started: number;
  /** Events loaded from Redis. */
  loaded: number;
  /** The thread's outcome received. */
  inThread: number;
  /** The outcome recorded in Redis. */
  recorded: number;
}

export function filePhases(times: FileTimes, thread: ThreadPhases): Record<string, number> {
  const threadMs = thread.build + thread.write + thread.fsync + thread.digest + thread.validate;
  const phases: Record<string, number> = {
    load: times.loaded - times.started,
    ...thread,
    // The thread's round trip beyond its own steps: waiting for a thread, copying the request.
    handoff: times.inThread - times.loaded - threadMs,
    record: times.recorded - times.inThread,
    total: times.recorded - times.started,
  };
  return Object.fromEntries(
    Object.entries(phases).map(([name, ms]) => [name, Math.round(ms * 100) / 100]),
  );
}
