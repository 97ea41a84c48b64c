/** Opening, closing, reading and listing scans. */
import type { ScanState, ScanStatus } from '#libs/model/src/scan/index.js';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { FrameStreams, type StreamSummary } from '#libs/arrays/src/index.js';
import type { AppConfig } from '#libs/config/src/index.js';
import { canonicalBeamline } from '#libs/model/src/index.js';
import {
  ExperimentDone,
  RunEnd,
  validateBody,
  type CreateScanRequest,
} from '#libs/model-classes/src/index.js';
import { ScanIngest } from '#libs/ingest/src/index.js';
import { decodeCatalogCursor, ScanStore, type CatalogPage } from '#libs/staging/src/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../problem/domain-error.js';
import type { CloseAccepted } from './dto/close-accepted.dto.js';
import type { ListScansQuery } from './dto/list-scans.query.js';
import { withTechniqueNote } from './technique-note.js';
import { silentWaitMs } from '../http/silent-wait.js';
import { APP_CONFIG, PRODUCER_REDIS } from '../redis/tokens.js';

/**
 * How often a waiting status call looks again: soon at first, as a warm writer
 * takes tens of milliseconds for a file, then less often (one small read each
 * time), so that a long wait costs Redis no more than five reads a second.
 */
const FIRST_POLL_MS = 20;
const LAST_POLL_MS = 200;
const UNENDED: ReadonlySet<ScanStatus> = new Set(['open', 'closing']);

@Injectable()
export class ScansService {
  constructor(
    private readonly store: ScanStore,
    private readonly ingest: ScanIngest,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRODUCER_REDIS) redis: Redis,
  ) {
    this.streams = new FrameStreams(redis, config.keyPrefix);
  }

  private readonly streams: FrameStreams;

  /**
   * Opens a scan. Re-opening an open scan with the same metadata returns it
   * unchanged (a retried open is harmless); other metadata, or a scan no
   * longer open, is a conflict that says which.
   */
  async open(request: CreateScanRequest): Promise<{ created: boolean; scan: ScanState }> {
    const outcome = await this.ingest.open(request);
    switch (outcome.kind) {
      case 'created':
      case 'reopened':
        return { created: outcome.kind === 'created', scan: withTechniqueNote(outcome.scan) };
      case 'metadata-differs':
        throw new DomainError(
          'scan_exists',
          `Scan ${outcome.scanId} already exists with other metadata: ${outcome.differences.join('; ')}. ` +
            'Send the same metadata to re-open it, or choose another scanId.',
        );
      case 'not-open':
        throw new DomainError(
          'scan_closed',
          `Scan ${outcome.scanId} exists with this metadata but is ${outcome.status}, so it takes no ` +
            'more events; open a new scan with another scanId.',
        );
      case 'vanished':
        throw new DomainError('scan_not_found', `There is no scan ${outcome.scanId}.`);
    }
  }

  /**
   * The scan once it has ended (written, failed or expired), or as it is when
   * `waitMs` runs out or the caller goes away: a client waits for its file
   * with one call instead of a polling loop of its own.
   */
  async waitForEnd(scanId: string, waitMs: number, signal: AbortSignal): Promise<ScanState> {
    // Answered before the silent socket is cut, as the scan then is.
    const deadline = Date.now() + silentWaitMs(this.config.idleTimeoutMs, waitMs);
    for (let pollMs = FIRST_POLL_MS; ; pollMs = Math.min(LAST_POLL_MS, pollMs * 1.5)) {
      const scan = await this.state(scanId);
      if (!UNENDED.has(scan.status) || signal.aborted || Date.now() >= deadline) {
        return this.withStreams(scan);
      }
      await sleep(Math.min(pollMs, deadline - Date.now()));
    }
  }

  async get(scanId: string): Promise<ScanState & { streams?: StreamSummary[] }> {
    return this.withStreams(await this.state(scanId));
  }

  private async state(scanId: string): Promise<ScanState> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    return withTechniqueNote(scan);
  }

  /** Once written, the file holds the streams; while open, they are still coming. */
  private async withStreams(scan: ScanState): Promise<ScanState & { streams?: StreamSummary[] }> {
    const streams = UNENDED.has(scan.status) ? await this.streams.summaries(scan.scanId) : [];
    return streams.length > 0 ? { ...scan, streams } : scan;
  }

  /**
   * Closes the scan and queues its write; closing again returns the same job.
   * The body, if any, is Assonant's ExperimentDone or how the run ended.
   */
  async close(scanId: string, body: unknown, requestId?: string): Promise<CloseAccepted> {
    const result = await this.ingest.close(scanId, closeBody(body), requestId);
    if (result.kind === 'unknown')
      throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    if (result.kind === 'beamline-differs') {
      throw new DomainError(
        'validation_failed',
        `The ExperimentDone names beamline ${result.sent}; scan ${scanId} is of ${result.beamline}. ` +
          'Close it with its own beamline, or with no body.',
        [
          {
            path: 'beamline',
            rule: 'sameBeamline',
            message: `beamline must be the scan’s, ${result.beamline}`,
          },
        ],
      );
    }
    return { scanId, jobId: result.jobId, status: result.status };
  }

  async list(query: ListScansQuery): Promise<CatalogPage> {
    const limit = query.limit !== undefined ? Number(query.limit) : 50;
    const page = await this.store.list(
      {
        ...(query.beamline !== undefined ? { beamline: canonicalBeamline(query.beamline) } : {}),
        ...(query.proposal !== undefined ? { proposal: query.proposal } : {}),
        ...(query.technique !== undefined ? { technique: query.technique } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.from !== undefined ? { createdFrom: query.from } : {}),
        ...(query.to !== undefined ? { createdTo: query.to } : {}),
      },
      limit,
      // Validated by the query's class: a cursor here is one the catalog made.
      query.cursor !== undefined ? decodeCatalogCursor(query.cursor) : undefined,
    );
    return { ...page, items: page.items.map(withTechniqueNote) };
  }

  /** The path of the written file; 409 until the scan is written. */
  async writtenFile(scanId: string): Promise<{ path: string; size: number; name: string }> {
    const scan = await this.get(scanId);
    if (scan.status !== 'written' || scan.file === undefined) {
      throw new DomainError(
        'file_not_ready',
        `Scan ${scanId} is ${scan.status}; its file exists once the status is written.`,
      );
    }
    return { path: scan.file.path, size: scan.file.size, name: `${scanId}.nxs` };
  }
}

/**
 * A close's body: none; Assonant's ExperimentDone (`{beamline, filepath}`);
 * or how the run ended (`{exitStatus, reason?}`, as Bluesky's stop says it).
 * Anything else is a 422 naming its rules.
 */
function closeBody(body: unknown): { experimentDone?: ExperimentDone; runEnd?: RunEnd } {
  if (body === undefined) return {};
  const isRunEnd = typeof body === 'object' && body !== null && 'exitStatus' in body;
  const result = isRunEnd ? validateBody(RunEnd, body) : validateBody(ExperimentDone, body);
  if (result.ok) {
    return isRunEnd
      ? { runEnd: result.value as RunEnd }
      : { experimentDone: result.value as ExperimentDone };
  }
  throw new DomainError(
    'validation_failed',
    "The body of a close is none, Assonant's ExperimentDone {beamline, filepath}, or how the run " +
      `ended {exitStatus, reason}; it breaks ${result.violations.length} rule(s).`,
    result.violations,
  );
}
