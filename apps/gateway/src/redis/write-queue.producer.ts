/**
 * Adds write jobs. A BullMQ Queue whose first connection failed stays failed,
 * so the queue is made on first use and made again after such a failure:
 * the gateway must recover by itself when Redis comes back.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '#libs/config/src/index.js';
import {
  WRITE_QUEUE,
  type WriteScanJobData,
  type WriteScanJobName,
} from '#libs/queue-contracts/src/index.js';
import { APP_CONFIG, PRODUCER_REDIS } from './tokens.js';

@Injectable()
export class WriteQueueProducer {
  private queue: Queue<WriteScanJobData> | undefined;

  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async add(name: WriteScanJobName, data: WriteScanJobData, options: JobsOptions): Promise<void> {
    const queue = await this.ready();
    await queue.add(name, data, options);
  }

  async close(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
    this.queue = undefined;
  }

  private async ready(): Promise<Queue<WriteScanJobData>> {
    const queue =
      this.queue ??
      new Queue<WriteScanJobData>(WRITE_QUEUE, {
        connection: this.redis,
        prefix: this.config.keyPrefix,
      });
    this.queue = queue;
    // Connection errors are answered per request (503); the listener keeps
    // them from surfacing as unhandled 'error' events.
    queue.on('error', () => undefined);
    try {
      await queue.waitUntilReady();
      return queue;
    } catch (error) {
      if (this.queue === queue) this.queue = undefined;
      void queue.close().catch(() => undefined);
      throw error;
    }
  }
}
