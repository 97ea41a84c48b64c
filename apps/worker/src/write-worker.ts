/**
 * The BullMQ worker for write jobs, created stopped and started only once its
 * Redis connection is ready, so no job slips in before the worker can run it.
 */
import { Worker } from 'bullmq';
import { createConsumerRedis, type AppConfig } from '#libs/config/src/index.js';
import { WRITE_QUEUE, type WriteScanJobData } from '#libs/queue-contracts/src/index.js';
import { ScanStore } from '#libs/staging/src/index.js';
import { createWriteScanProcessor } from './write-scan.processor.js';

export interface RunningWriteWorker {
  worker: Worker<WriteScanJobData>;
  /** Finishes (or hands back) the job in hand, then disconnects. */
  close(): Promise<void>;
}

export async function startWriteWorker(
  config: AppConfig,
  log: (level: 'info' | 'warn' | 'error', msg: string) => void,
): Promise<RunningWriteWorker> {
  const redis = createConsumerRedis(config);
  const store = new ScanStore(redis, config.keyPrefix);
  const worker = new Worker<WriteScanJobData>(
    WRITE_QUEUE,
    createWriteScanProcessor(store, config),
    {
      connection: redis,
      prefix: config.keyPrefix,
      concurrency: config.workerConcurrency,
      autorun: false,
    },
  );
  worker.on('failed', (job, error) =>
    log('warn', `job ${job?.id ?? '?'} failed: ${error.message}`),
  );
  worker.on('error', (error) => log('error', `worker error: ${error.message}`));
  await worker.waitUntilReady();
  void worker.run().catch((error: unknown) => log('error', `worker stopped: ${String(error)}`));
  return {
    worker,
    close: async () => {
      await worker.close();
      redis.disconnect();
    },
  };
}
