/**
 * The write job: load a closed scan's staged events, build and write its file
 * off the event loop, record the outcome. Bad data fails at once; I/O errors
 * are retried with backoff by BullMQ.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { AppConfig } from '#libs/config/src/index.js';
import {
  isWriteScanJobData,
  WRITE_SCAN_JOB,
  type WriteScanJobData,
} from '#libs/queue-contracts/src/index.js';
import type { ScanStore } from '#libs/staging/src/index.js';
import { runWriteThread } from './run-write-thread.js';
import { beamlineRoot, scanFilePath } from './scan-file-path.js';

export const CREATOR = 'Assonant Gateway 0.1.0';

export function createWriteScanProcessor(
  store: ScanStore,
  config: AppConfig,
): (job: Job<WriteScanJobData>) => Promise<void> {
  return async (job) => {
    if (job.name !== WRITE_SCAN_JOB || !isWriteScanJobData(job.data)) {
      throw new UnrecoverableError(`unknown job ${job.name}`);
    }
    const { scanId } = job.data;
    const scan = await store.get(scanId);
    if (scan === undefined) throw new UnrecoverableError(`scan ${scanId} is not staged`);
    if (scan.status === 'written') return;
    const raw = await store.loadEvents(scanId);
    const finalPath = scanFilePath(config.dataRoot, scan);
    const outcome = await runWriteThread({
      scan,
      entries: [...raw.entries],
      devices: [...raw.devices],
      finalPath,
      linkRoot: beamlineRoot(config.dataRoot, scan),
      creator: CREATOR,
      fileTime: new Date().toISOString(),
      beamlineOverridesDir: config.beamlineOverridesDir,
    });
    if (outcome.ok) {
      const file = { path: finalPath, size: outcome.size, sha256: outcome.sha256 };
      // The scan's own warnings (e.g. closed by expiry) come first, then the writer's.
      const warnings = [...scan.warnings, ...outcome.warnings];
      const { validation } = outcome;
      await store.markWritten(scanId, { file, warnings, validation }, new Date().toISOString());
      return;
    }
    // Recorded now so the status says why while BullMQ retries; the scan
    // becomes `failed` only when BullMQ gives the job up (see write-worker.ts).
    await store.markAttemptFailed(scanId, outcome.message, false);
    if (outcome.kind === 'invalid-data') throw new UnrecoverableError(outcome.message);
    throw new Error(outcome.message);
  };
}
