/**
 * `GET /v1/scans/{scanId}/report`: what the scan's file would hold and lack
 * if it were closed now. A worker builds it as it builds the file (a dry run
 * on the write queue), so the answer is the file's, not an estimate. A
 * written scan answers from its status: its file is what the report is of.
 */
import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '#libs/config/src/index.js';
import type { ScanReport } from '#libs/model/src/scan/index.js';
import { WriteJobQueue } from '#libs/queue-contracts/src/index.js';
import { ScanStore } from '#libs/staging/src/index.js';
import { DomainError } from '../problem/domain-error.js';
import { APP_CONFIG } from '../redis/tokens.js';
import { silentWaitMs } from '../http/silent-wait.js';

const FIRST_POLL_MS = 20;
const LAST_POLL_MS = 250;

@Injectable()
export class ScanReportService {
  constructor(
    private readonly store: ScanStore,
    private readonly jobs: WriteJobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(scanId: string, signal: AbortSignal): Promise<ScanReport> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    if (scan.status === 'written' && scan.validation !== undefined) {
      return {
        scanId,
        status: scan.status,
        dryRun: false,
        counts: scan.counts,
        warnings: scan.warnings,
        validation: scan.validation,
        ...(scan.completeness !== undefined ? { completeness: scan.completeness } : {}),
      };
    }
    if (scan.status === 'expired') {
      throw new DomainError(
        'report_failed',
        `Scan ${scanId} expired and its events were dropped; there is nothing to report on.`,
      );
    }
    const jobId = await this.jobs.addReportScan(scanId);
    const waitMs = silentWaitMs(this.config.idleTimeoutMs, this.config.reportTimeoutMs);
    const deadline = Date.now() + waitMs;
    for (let pollMs = FIRST_POLL_MS; ; pollMs = Math.min(LAST_POLL_MS, pollMs * 1.5)) {
      const outcome = await this.jobs.reportOutcome(jobId);
      if (outcome.state === 'done') return outcome.value as ScanReport;
      if (outcome.state === 'failed') {
        throw new DomainError(
          'report_failed',
          `The events of scan ${scanId} cannot make a file: ${outcome.reason}`,
        );
      }
      if (outcome.state === 'gone' || signal.aborted || Date.now() >= deadline) {
        await this.jobs.removeReport(jobId);
        throw new DomainError(
          'report_unavailable',
          `No worker built the report of scan ${scanId} within ${waitMs} ms ` +
            '(REPORT_TIMEOUT_MS): check that a worker runs (npm start runs one), or retry when ' +
            'the write queue is shorter.',
        );
      }
      await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
    }
  }
}
