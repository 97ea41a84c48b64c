/**
 * The report job: a dry run of a scan's write (`GET /v1/scans/{scanId}/report`),
 * answered through the job's return value. On the write queue, so the worker
 * that writes files builds the report the same way; one attempt (the caller
 * is waiting), and kept a few minutes for the caller to read.
 */
import { randomUUID } from 'node:crypto';
import type { JobsOptions } from 'bullmq';

export const REPORT_SCAN_JOB = 'report-scan';

/** Seconds a finished report job is kept for its caller to read. */
const KEPT_S = 300;

export function reportScanJobId(scanId: string): string {
  return `report-${scanId}-${randomUUID()}`;
}

export function reportScanJobOptions(scanId: string): JobsOptions {
  return {
    jobId: reportScanJobId(scanId),
    attempts: 1,
    removeOnComplete: { age: KEPT_S },
    removeOnFail: { age: KEPT_S },
  };
}
