/**
 * The attempt in progress, recorded on the write job itself (its progress)
 * when an attempt starts and cleared when it ends. A job that starts and
 * finds one left came back through BullMQ's stall check: the process that
 * held it stopped mid-write (killed, or brought down by an h5wasm abort), and
 * that is what the scan's status then says.
 */
import os from 'node:os';
import type { Job } from 'bullmq';

interface AttemptRecord {
  attempt: number;
  pid: number;
  host: string;
  startedAt: string;
}

function isAttemptRecord(value: unknown): value is AttemptRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<AttemptRecord>;
  return (
    typeof record.attempt === 'number' &&
    typeof record.pid === 'number' &&
    typeof record.host === 'string' &&
    typeof record.startedAt === 'string'
  );
}

/** Why the previous attempt never ended, when one did not. */
export function unfinishedAttempt(job: Job): string | undefined {
  const record: unknown = job.progress;
  if (!isAttemptRecord(record)) return undefined;
  const where = `pid ${record.pid} on ${record.host}`;
  const what = isRunningHere(record) ? `lost its hold on the job (${where})` : `stopped (${where})`;
  return (
    `the previous write attempt (attempt ${record.attempt}, started ${record.startedAt}) ` +
    `did not finish: the worker process ${what} while writing`
  );
}

export async function beginAttempt(job: Job): Promise<void> {
  const record: AttemptRecord = {
    attempt: job.attemptsStarted,
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  await job.updateProgress(record);
}

export async function endAttempt(job: Job): Promise<void> {
  await job.updateProgress(0);
}

/** A process of this host with that pid still runs (another than this one). */
function isRunningHere(record: AttemptRecord): boolean {
  if (record.host !== os.hostname() || record.pid === process.pid) return false;
  try {
    process.kill(record.pid, 0);
    return true;
  } catch {
    return false;
  }
}
