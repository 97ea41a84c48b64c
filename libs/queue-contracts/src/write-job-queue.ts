/**
 * The producer side of the write queue, for every process that queues writes.
 * A BullMQ Queue whose first connection failed stays failed, so the queue is
 * made on first use and made again after such a failure: a producer must
 * recover by itself when Redis comes back.
 */
import { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { enqueueWriteScan, removeFailedWriteScan } from './write-scan-enqueue.js';
import { REPORT_SCAN_JOB, reportScanJobOptions } from './report-scan-job.js';
import { WRITE_QUEUE, type WriteScanJobData } from './write-scan-job.js';

export type ReportJobOutcome =
  | { state: 'pending' | 'gone' }
  | { state: 'failed'; reason: string }
  | { state: 'done'; value: unknown };

export interface WriteJobQueueOptions {
  keyPrefix: string;
  /** Attempts of each write job before the scan is failed (WRITE_ATTEMPTS). */
  attempts: number;
}

export class WriteJobQueue {
  private queue: Queue<WriteScanJobData> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly options: WriteJobQueueOptions,
  ) {}

  /** Queues the scan's write; repeating it while the job exists is a no-op. */
  async addWriteScan(scanId: string, requestId?: string): Promise<void> {
    await enqueueWriteScan(await this.ready(), scanId, this.options.attempts, requestId);
  }

  /** Queues a dry run of the scan's write; its job id, to read the outcome with. */
  async addReportScan(scanId: string): Promise<string> {
    const options = reportScanJobOptions(scanId);
    await (await this.ready()).add(REPORT_SCAN_JOB, { scanId }, options);
    return options.jobId ?? '';
  }

  /** Where a report job is: its return value once done, why it failed, or not yet. */
  async reportOutcome(jobId: string): Promise<ReportJobOutcome> {
    const job = await Job.fromId(await this.ready(), jobId);
    if (job === undefined) return { state: 'gone' };
    if (job.finishedOn === undefined) return { state: 'pending' };
    if (job.failedReason !== undefined && job.failedReason !== '') {
      return { state: 'failed', reason: job.failedReason };
    }
    return { state: 'done', value: job.returnvalue as unknown };
  }

  /** Takes back a report nobody will read (its caller gave up waiting). */
  async removeReport(jobId: string): Promise<void> {
    await (await this.ready()).remove(jobId).catch(() => undefined);
  }

  /** Forgets a failed write job, so that a deleted scan's id starts afresh. */
  async removeFailedWriteScan(scanId: string): Promise<void> {
    await removeFailedWriteScan(await this.ready(), scanId);
  }

  /** BullMQ's own metrics of the queue (jobs by state), in Prometheus's text format. */
  async prometheusMetrics(): Promise<string> {
    return (await this.ready()).exportPrometheusMetrics();
  }

  async close(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
    this.queue = undefined;
  }

  private async ready(): Promise<Queue<WriteScanJobData>> {
    const queue = this.queue ?? this.newQueue();
    this.queue = queue;
    try {
      await queue.waitUntilReady();
      return queue;
    } catch (error) {
      if (this.queue === queue) this.queue = undefined;
      void queue.close().catch(() => undefined);
      throw error;
    }
  }

  private newQueue(): Queue<WriteScanJobData> {
    const queue = new Queue<WriteScanJobData>(WRITE_QUEUE, {
      connection: this.redis,
      prefix: this.options.keyPrefix,
    });
    // Connection errors reach the caller of each operation; one listener, added
    // once per queue, keeps them from surfacing as unhandled 'error' events.
    queue.on('error', () => undefined);
    return queue;
  }
}
