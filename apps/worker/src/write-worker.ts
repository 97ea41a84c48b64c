/**
 * The BullMQ worker for write jobs, created stopped and started only once its
 * Redis connection is ready, so no job slips in before the worker can run it.
 */
import { Worker, type Job } from 'bullmq';
import { createConsumerRedis, type AppConfig } from '#libs/config/src/index.js';
import {
  isWriteScanJobData,
  WRITE_QUEUE,
  WriteJobQueue,
  type WriteScanJobData,
} from '#libs/queue-contracts/src/index.js';
import { CatalogBackfill, OpenScans, SchemaStore, ScanStore } from '#libs/staging/src/index.js';
import { startCatalogBackfill } from './catalog-backfill-at-start.js';
import { startOpenScanSweep } from './open-scan-sweep.js';
import { WritePool } from './write-pool.js';
import { createWriteScanProcessor } from './write-scan.processor.js';
import type { WorkerLog } from './worker-log.js';

export interface RunningWriteWorker {
  worker: Worker<WriteScanJobData>;
  /** The warm writer threads. */
  pool: WritePool;
  /** Finishes (or hands back) the job in hand, then disconnects. */
  close(): Promise<void>;
}

export async function startWriteWorker(
  config: AppConfig,
  log: WorkerLog,
  options: { threadModule?: URL } = {},
): Promise<RunningWriteWorker> {
  const redis = createConsumerRedis(config);
  const store = new ScanStore(redis, config.keyPrefix);
  const pool = new WritePool({
    threads: config.workerConcurrency,
    threadMemoryMb: config.writeThreadMemoryMb,
    log,
    ...options,
  });
  const worker = new Worker<WriteScanJobData>(
    WRITE_QUEUE,
    createWriteScanProcessor(
      { store, schemas: new SchemaStore(redis, config.keyPrefix) },
      config,
      pool,
      log,
    ),
    {
      connection: redis,
      prefix: config.keyPrefix,
      concurrency: config.workerConcurrency,
      autorun: false,
      lockDuration: config.writeLockMs,
      // A job whose worker died is found (and handed to another) this often.
      stalledInterval: config.writeLockMs,
      // A scan whose writer was killed twice still gets its file.
      maxStalledCount: 3,
    },
  );
  worker.on('failed', (job, error) => {
    log('warn', `job ${job?.id ?? '?'} failed: ${error.message}`);
    if (job !== undefined) void markFailedWhenGivenUp(job, error, store, log);
  });
  worker.on('error', (error) => log('error', `worker error: ${error.message}`));
  await worker.waitUntilReady();
  void worker.run().catch((error: unknown) => log('error', `worker stopped: ${String(error)}`));
  // The sweep queues the writes of scans that expiry closes.
  const jobs = new WriteJobQueue(redis, {
    keyPrefix: config.keyPrefix,
    attempts: config.writeAttempts,
  });
  const sweep = startOpenScanSweep(new OpenScans(redis, config.keyPrefix), jobs, config, log);
  const backfill = startCatalogBackfill(new CatalogBackfill(redis, config.keyPrefix), log);
  return {
    worker,
    pool,
    close: async () => {
      await sweep.stop();
      await backfill.stop();
      await worker.close();
      // Only now: the job in hand has had its thread until it ended.
      await pool.close();
      await jobs.close();
      redis.disconnect();
    },
  };
}

/**
 * A scan is failed once BullMQ gives its job up for good: attempts used up,
 * bad data (UnrecoverableError), or stalled too often (a worker killed mid-write
 * more than once). Until then the job will run again.
 */
async function markFailedWhenGivenUp(
  job: Job<WriteScanJobData>,
  error: Error,
  store: ScanStore,
  log: WorkerLog,
): Promise<void> {
  try {
    if (!isWriteScanJobData(job.data)) return;
    if (await job.isFailed()) await store.markAttemptFailed(job.data.scanId, error.message, true);
  } catch (cause) {
    log('error', `could not record the failure of job ${job.id ?? '?'}: ${String(cause)}`);
  }
}
