/**
 * Indexes, once, the scans staged before the catalog had its filter sets,
 * in the background of the worker's start: the worker's Redis connection
 * waits for Redis, so the backfill finishes once Redis is there, and every
 * worker may try (each scan is indexed atomically; the version key ends it).
 */
import type { CatalogBackfill } from '#libs/staging/src/index.js';

type Log = (level: 'info' | 'warn' | 'error', msg: string) => void;

export interface RunningBackfill {
  /** Ends the backfill after its current page (the next start finishes it). */
  stop(): Promise<void>;
}

export function startCatalogBackfill(backfill: CatalogBackfill, log: Log): RunningBackfill {
  let stopped = false;
  const running = backfill
    .run(() => stopped)
    .then((indexed) => {
      if (indexed > 0)
        log('info', `catalog: indexed ${indexed} scans staged before its filter sets`);
    })
    .catch((error: unknown) => log('warn', `catalog backfill failed: ${String(error)}`));
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
