/**
 * The BullMQ worker for write jobs, created stopped and started only once its
 * Redis connection is ready, so no job slips in before the worker can run it.
 */
import { Worker, type Job } from 'bullmq';
import { createConsumerRedis, redisAnswersWithin, type AppConfig } from '#libs/config/src/index.js';
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
import { WorkerMetrics } from './worker-metrics.js';
import { createScanNotifier, type ScanNotifier } from './scan-notifier.js';
import { startWebhookDeliveries } from './webhook-deliveries.js';
import { ScanArrays } from '#libs/arrays/src/index.js';

export interface RunningWriteWorker {
  worker: Worker<WriteScanJobData>;
  /** The warm writer threads. */
  pool: WritePool;
  metrics: WorkerMetrics;
  /** Whether Redis answers (PING), for /health. */
  redisUp(): Promise<boolean>;
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
  const metrics = new WorkerMetrics(config.workerConcurrency);
  const notifier = createScanNotifier(redis, config);
  const arrays = new ScanArrays(redis, config.keyPrefix, config.arraySpoolDir);
  const worker = new Worker<WriteScanJobData>(
    WRITE_QUEUE,
    createWriteScanProcessor(
      { store, schemas: new SchemaStore(redis, config.keyPrefix) },
      config,
      pool,
      log,
      metrics,
      notifier,
      arrays,
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
    const fields = isWriteScanJobData(job?.data) ? { ...job.data } : {};
    log('warn', `job ${job?.id ?? '?'} failed: ${error.message}`, fields);
    if (job !== undefined) void markFailedWhenGivenUp(job, error, { store, notifier }, log);
  });
  worker.on('error', (error) => log('error', `worker error: ${error.message}`));
  await worker.waitUntilReady();
  void worker.run().catch((error: unknown) => log('error', `worker stopped: ${String(error)}`));
  const deliveries = startWebhookDeliveries(redis, config, log);
  // The sweep queues the writes of scans that expiry closes.
  const jobs = new WriteJobQueue(redis, {
    keyPrefix: config.keyPrefix,
    attempts: config.writeAttempts,
  });
  const sweep = startOpenScanSweep(
    new OpenScans(redis, config.keyPrefix),
    jobs,
    config,
    log,
    arrays,
  );
  const backfill = startCatalogBackfill(new CatalogBackfill(redis, config.keyPrefix), log);
  return {
    worker,
    pool,
    metrics,
    redisUp: () => redisAnswersWithin(redis, config.redisCommandTimeoutMs),
    close: async () => {
      await sweep.stop();
      await backfill.stop();
      await worker.close();
      await deliveries.close();
      await notifier.close();
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
  { store, notifier }: { store: ScanStore; notifier: ScanNotifier },
  log: WorkerLog,
): Promise<void> {
  try {
    if (!isWriteScanJobData(job.data)) return;
    if (!(await job.isFailed())) return;
    const { scanId } = job.data;
    await store.markAttemptFailed(scanId, error.message, true);
    const scan = await store.get(scanId);
    if (scan !== undefined) await notifier.notify('scan.failed', scan, new Date().toISOString());
  } catch (cause) {
    log('error', `could not record the failure of job ${job.id ?? '?'}: ${String(cause)}`);
  }
}
