/** Operator actions on a scan: retry a failed write, delete a scan and its file. */
import { ArraysService } from '../arrays/arrays.service.js';
import type { ScanState } from '#libs/model/src/scan/index.js';
import { Inject, Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '#libs/config/src/index.js';
import { ScanIngest } from '#libs/ingest/src/index.js';
import { WriteJobQueue } from '#libs/queue-contracts/src/index.js';
import { ScanStore } from '#libs/staging/src/index.js';
import { DomainError } from '../problem/domain-error.js';
import { APP_CONFIG } from '../redis/tokens.js';
import type { CloseAccepted } from './dto/close-accepted.dto.js';

@Injectable()
export class ScanAdminService {
  constructor(
    private readonly store: ScanStore,
    private readonly ingest: ScanIngest,
    private readonly jobs: WriteJobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly arrays: ArraysService,
  ) {}

  /** Queues the write of a failed scan again, with the job options of a close. */
  async retry(scanId: string, requestId?: string): Promise<CloseAccepted> {
    const result = await this.ingest.retry(scanId, requestId);
    if (result.kind === 'unknown') throw notFound(scanId);
    if (result.kind === 'not-failed') {
      throw new DomainError(
        'scan_not_failed',
        `Scan ${scanId} is ${result.status}; only a failed scan can be retried.`,
      );
    }
    return { scanId, jobId: result.jobId, status: result.status };
  }

  /**
   * Deletes the scan: its file first, so that a failure leaves the record to
   * try again with, then everything staged, freeing its bytes.
   */
  async delete(scanId: string): Promise<void> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) throw notFound(scanId);
    if (scan.status === 'closing') throw busy(scanId);
    if (scan.file !== undefined) await this.removeFile(scan);
    const outcome = await this.store.delete(scan);
    if (outcome === 'closing') throw busy(scanId);
    if (outcome === 'unknown') throw notFound(scanId);
    await this.jobs.removeFailedWriteScan(scanId);
    await this.arrays.removeScan(scanId);
  }

  private async removeFile(scan: ScanState): Promise<void> {
    const file = scan.file?.path ?? '';
    // Only a file this deployment wrote, where it writes them, is removed.
    const root = path.resolve(this.config.dataRoot) + path.sep;
    if (!path.resolve(file).startsWith(root) || path.basename(file) !== `${scan.scanId}.nxs`) {
      throw new DomainError(
        'file_not_deletable',
        `The file of scan ${scan.scanId} is not under this gateway's DATA_ROOT; nothing was deleted. ` +
          'Give the gateway the DATA_ROOT of the workers, then delete again.',
      );
    }
    try {
      await rm(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      throw new DomainError(
        'file_not_deletable',
        `The file of scan ${scan.scanId} could not be removed (${code ?? 'unknown error'}); ` +
          'nothing was deleted. Fix its permissions or file system, then delete again.',
      );
    }
  }
}

const notFound = (scanId: string): DomainError =>
  new DomainError('scan_not_found', `There is no scan ${scanId}.`);

const busy = (scanId: string): DomainError =>
  new DomainError(
    'scan_busy',
    `Scan ${scanId} is being written; delete it once it is written or failed.`,
  );
