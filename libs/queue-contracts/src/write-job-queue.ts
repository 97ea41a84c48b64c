/**
 * The producer side of the write queue, for every process that queues writes.
 * A BullMQ Queue whose first connection failed stays failed, so the queue is
 * made on first use and made again after such a failure: a producer must
 * recover by itself when Redis comes back.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { enqueueWriteScan, removeFailedWriteScan } from './write-scan-enqueue.js';
import { WRITE_QUEUE, type WriteScanJobData } from './write-scan-job.js';

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
  async addWriteScan(scanId: string): Promise<void> {
    await enqueueWriteScan(await this.ready(), scanId, this.options.attempts);
  }

  /** Forgets a failed write job, so that a deleted scan's id starts afresh. */
  async removeFailedWriteScan(scanId: string): Promise<void> {
    await removeFailedWriteScan(await this.ready(), scanId);
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
