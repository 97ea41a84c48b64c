/**
 * How a write job is queued, by every producer: the gateway when a scan is
 * closed or retried, the worker's sweep when expiry closes one. One place, so
 * the job options cannot drift apart.
 */
import type { JobsOptions, Queue } from 'bullmq';
import { WRITE_SCAN_JOB, writeScanJobId, type WriteScanJobData } from './write-scan-job.js';

/** I/O errors back off exponentially with jitter; completed jobs go, failed ones stay (capped). */
export function writeScanJobOptions(scanId: string, attempts: number): JobsOptions {
  return {
    jobId: writeScanJobId(scanId),
    attempts,
    backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
    removeOnComplete: true,
    removeOnFail: { count: 1000 },
  };
}

/**
 * Queues the scan's write job. A failed job kept under the same id would make
 * the add a no-op (job ids are unique), so it is removed first: that is what
 * lets a retried scan be written again.
 */
export async function enqueueWriteScan(
  queue: Queue<WriteScanJobData>,
  scanId: string,
  attempts: number,
  requestId?: string,
): Promise<void> {
  await removeFailedWriteScan(queue, scanId);
  const data: WriteScanJobData = requestId === undefined ? { scanId } : { scanId, requestId };
  await queue.add(WRITE_SCAN_JOB, data, writeScanJobOptions(scanId, attempts));
}

/** Removes the scan's write job if it is kept as failed; a job in any other state stays. */
export async function removeFailedWriteScan(
  queue: Queue<WriteScanJobData>,
  scanId: string,
): Promise<void> {
  const previous = await queue.getJob(writeScanJobId(scanId));
  if (previous !== undefined && (await previous.isFailed())) await previous.remove();
}
