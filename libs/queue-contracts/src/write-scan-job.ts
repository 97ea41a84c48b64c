/**
 * The contract between the gateway (producer) and the worker (consumer):
 * queue name, job name, payload, and the job id that makes closing idempotent.
 */
export const WRITE_QUEUE = 'nexus-write';

export const WRITE_SCAN_JOB = 'write-scan';
export type WriteScanJobName = typeof WRITE_SCAN_JOB;

export interface WriteScanJobData {
  scanId: string;
  /** The id of the request that queued the write (a close or a retry), for the worker's log lines. */
  requestId?: string;
}

/** One write job per scan: closing a scan twice adds the same job id, which BullMQ stores once. */
export function writeScanJobId(scanId: string): string {
  return `write-${scanId}`;
}

export function isWriteScanJobData(data: unknown): data is WriteScanJobData {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { scanId?: unknown }).scanId === 'string'
  );
}
