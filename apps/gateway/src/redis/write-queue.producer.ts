/**
 * Adds write jobs. A BullMQ Queue whose first connection failed stays failed,
 * so the queue is made on first use and made again after such a failure:
 * the gateway must recover by itself when Redis comes back.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '#libs/config/src/index.js';
import {
  enqueueWriteScan,
  removeFailedWriteScan,
  WRITE_QUEUE,
  type WriteScanJobData,
} from '#libs/queue-contracts/src/index.js';
import { APP_CONFIG, PRODUCER_REDIS } from './tokens.js';

@Injectable()
export class WriteQueueProducer {
  private queue: Queue<WriteScanJobData> | undefined;

  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queues the scan's write; repeating it while the job exists is a no-op. */
  async addWriteScan(scanId: string): Promise<void> {
    await enqueueWriteScan(await this.ready(), scanId, this.config.writeAttempts);
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
      prefix: this.config.keyPrefix,
    });
    // Connection errors are answered per request (503); one listener, added
    // once per queue, keeps them from surfacing as unhandled 'error' events.
    queue.on('error', () => undefined);
    return queue;
  }
}
