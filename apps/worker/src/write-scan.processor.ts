/**
 * The write job: load a closed scan's staged events, build and write its file
 * in a warm writer thread, record the outcome. Bad data fails at once; I/O
 * errors (a writer thread that died among them) are retried with backoff by
 * BullMQ. Each file written is logged with where its time went.
 */
import { performance } from 'node:perf_hooks';
import { UnrecoverableError, type Job } from 'bullmq';
import type { AppConfig } from '#libs/config/src/index.js';
import {
  isWriteScanJobData,
  REPORT_SCAN_JOB,
  WRITE_SCAN_JOB,
  type WriteScanJobData,
} from '#libs/queue-contracts/src/index.js';
import type { SchemaStore, ScanStore } from '#libs/staging/src/index.js';
import type { NumberedRow } from '#libs/beamline-schema/src/index.js';
import type { ScanMetadata, ScanReport, ScanState } from '#libs/model/src/scan/index.js';
import { filePhases } from './file-phases.js';
import { beamlineRoot, scanFilePath } from './scan-file-path.js';
import { beginAttempt, endAttempt, unfinishedAttempt } from './write-attempt.js';
import type { WritePool } from './write-pool.js';
import type { WriteRequest } from './write-request.js';
import { withFields, type WorkerLog } from './worker-log.js';
import type { WorkerMetrics } from './worker-metrics.js';
import type { ScanNotifier } from './scan-notifier.js';
import type { ScanArrays } from '#libs/arrays/src/index.js';
import { storagePolicy } from './storage-policy.js';

export const CREATOR = 'Assonant Gateway 0.1.0';

export function createWriteScanProcessor(
  { store, schemas }: { store: ScanStore; schemas: SchemaStore },
  config: AppConfig,
  pool: WritePool,
  processLog: WorkerLog,
  metrics: WorkerMetrics,
  notifier: Pick<ScanNotifier, 'notify'>,
  /** The scan's uploaded arrays, which go once its file is written. */
  arrays: Pick<ScanArrays, 'removeScan' | 'records'>,
): (job: Job<WriteScanJobData>) => Promise<ScanReport | undefined> {
  const request = async (scan: ScanState): Promise<WriteRequest> => {
    const raw = await store.loadEvents(scan.scanId);
    const schemaRows = await pinnedSchemaRows(schemas, scan);
    return {
      scan,
      entries: [...raw.entries],
      devices: [...raw.devices],
      finalPath: scanFilePath(config.dataRoot, scan),
      linkRoot: beamlineRoot(config.dataRoot, scan),
      creator: CREATOR,
      fileTime: new Date().toISOString(),
      beamlineOverridesDir: config.beamlineOverridesDir,
      ...(schemaRows !== undefined ? { schemaRows } : {}),
      uploads: { records: await arrays.records.list(scan.scanId), spoolDir: config.arraySpoolDir },
      storage: storagePolicy(config, scan.beamline),
    };
  };
  return async (job) => {
    if (job.name === REPORT_SCAN_JOB && isWriteScanJobData(job.data)) {
      return reportScan(job.data.scanId);
    }
    if (job.name !== WRITE_SCAN_JOB || !isWriteScanJobData(job.data)) {
      throw new UnrecoverableError(`unknown job ${job.name}`);
    }
    try {
      return await writeScan(job, job.data);
    } catch (error) {
      // A failed outcome was counted by its kind; anything else failed the job itself.
      if (!(error instanceof CountedFailure)) metrics.failed('job');
      throw error instanceof CountedFailure ? error.cause : error;
    }
  };

  async function writeScan(
    job: Job<WriteScanJobData>,
    data: WriteScanJobData,
  ): Promise<ScanReport | undefined> {
    const started = performance.now();
    const { scanId, requestId } = data;
    const log = withFields(
      processLog,
      requestId === undefined ? { scanId } : { scanId, requestId },
    );
    const scan = await store.get(scanId);
    if (scan === undefined) throw new UnrecoverableError(`scan ${scanId} is not staged`);
    if (scan.status === 'written') {
      // A worker may have died after recording the file and before queueing its notifications.
      await notifier.notify('scan.written', scan, scan.writtenAt ?? '');
      await arrays.removeScan(scanId);
      return undefined;
    }
    // Why an earlier attempt failed, kept in the warnings of the file that follows.
    let earlierFailure = scan.error;
    const unfinished = unfinishedAttempt(job);
    if (unfinished !== undefined) {
      await store.markAttemptFailed(scanId, unfinished, false);
      earlierFailure = unfinished;
      log('warn', `scan ${scanId}: ${unfinished}`);
    }
    await beginAttempt(job);
    try {
      const write = await request(scan);
      const { finalPath } = write;
      const loaded = performance.now();
      const outcome = await metrics.busy(() => pool.write(write));
      const inThread = performance.now();
      if (outcome.ok) {
        const file = { path: finalPath, size: outcome.size, sha256: outcome.sha256 };
        // The scan's own warnings (e.g. closed by expiry) come first, then the writer's.
        const warnings = [
          ...scan.warnings,
          ...(earlierFailure !== undefined
            ? [`written after a failed attempt: ${earlierFailure}`]
            : []),
          ...outcome.warnings,
        ];
        const { validation, completeness } = outcome;
        const writtenAt = new Date().toISOString();
        const record = { file, warnings, validation };
        await store.markWritten(
          scanId,
          { ...record, ...(completeness !== undefined ? { completeness } : {}) },
          writtenAt,
        );
        await notifier.notify(
          'scan.written',
          { ...scan, ...record, status: 'written', writtenAt },
          writtenAt,
        );
        await arrays.removeScan(scanId);
        const times = { started, loaded, inThread, recorded: performance.now() };
        const phases = filePhases(times, outcome.phases);
        metrics.written(phases, validation);
        log('info', `scan ${scanId} written`, { size: outcome.size, phases });
        return undefined;
      }
      metrics.failed(outcome.kind);
      // Recorded now so the status says why while BullMQ retries; the scan
      // becomes `failed` only when BullMQ gives the job up (see write-worker.ts).
      await store.markAttemptFailed(scanId, outcome.message, false);
      if (outcome.kind === 'invalid-data') {
        throw new CountedFailure(new UnrecoverableError(outcome.message));
      }
      throw new CountedFailure(new Error(outcome.message));
    } finally {
      // Best effort: with Redis gone the attempt fails anyway, and the next one
      // would only call it interrupted.
      await endAttempt(job).catch(() => undefined);
    }
  }

  /** The report's dry run: the scan as a write would build it now, its file untouched. */
  async function reportScan(scanId: string): Promise<ScanReport> {
    const scan = await store.get(scanId);
    if (scan === undefined) throw new UnrecoverableError(`scan ${scanId} is not staged`);
    const write = await request(scan);
    const outcome = await metrics.busy(() => pool.report(write));
    if (!outcome.ok) throw new UnrecoverableError(outcome.message);
    return {
      scanId,
      status: scan.status,
      dryRun: true,
      counts: scan.counts,
      warnings: [...scan.warnings, ...outcome.warnings],
      validation: outcome.validation,
      ...(outcome.completeness !== undefined ? { completeness: outcome.completeness } : {}),
    };
  }
}

/** A failure already counted by its kind, carried out of the write to be thrown as itself. */
class CountedFailure extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/** The rows of the schema version the scan pinned; a pinned version that is gone is bad data. */
async function pinnedSchemaRows(
  schemas: SchemaStore,
  scan: ScanMetadata,
): Promise<NumberedRow[] | undefined> {
  if (scan.schema === undefined) return undefined;
  const stored = await schemas.get(scan.beamline, scan.schema.version);
  if (stored === undefined) {
    throw new UnrecoverableError(
      `schema version ${scan.schema.version} of ${scan.beamline}, pinned by scan ${scan.scanId}, is not stored`,
    );
  }
  return stored.rows;
}
