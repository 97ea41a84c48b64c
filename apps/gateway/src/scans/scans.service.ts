/** Opening, closing, reading and listing scans. */
import { Injectable } from '@nestjs/common';
import { canonicalBeamline, type CreateScanRequest } from '#libs/model/src/index.js';
import { writeScanJobId } from '#libs/queue-contracts/src/index.js';
import {
  decodeCatalogCursor,
  ScanStore,
  type CatalogPage,
  type ScanMetadata,
  type ScanState,
  type ScanStatus,
} from '#libs/staging/src/index.js';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../problem/domain-error.js';
import { WriteQueueProducer } from '../redis/write-queue.producer.js';
import type { CloseAccepted } from './dto/close-accepted.dto.js';
import type { ListScansQuery } from './dto/list-scans.query.js';
import { withTechniqueNote } from './technique-note.js';

/** How often a waiting status call looks again: one small read, a fraction of a write's time. */
const STATUS_POLL_MS = 200;
const UNENDED: ReadonlySet<ScanStatus> = new Set(['open', 'closing']);

@Injectable()
export class ScansService {
  constructor(
    private readonly store: ScanStore,
    private readonly queue: WriteQueueProducer,
  ) {}

  /**
   * Opens a scan. Re-opening an open scan with the same metadata returns it
   * unchanged (a retried open is harmless); other metadata, or a scan no
   * longer open, is a conflict that says which.
   */
  async open(request: CreateScanRequest): Promise<{ created: boolean; scan: ScanState }> {
    const meta: ScanMetadata = {
      scanId: request.scanId ?? randomUUID(),
      beamline: canonicalBeamline(request.beamline),
      proposal: request.proposal,
      technique: request.technique,
      createdAt: new Date().toISOString(),
      ...(request.title !== undefined ? { title: request.title } : {}),
      ...(request.startTime !== undefined ? { startTime: request.startTime } : {}),
    };
    if (await this.store.create(meta)) return { created: true, scan: await this.get(meta.scanId) };
    const existing = await this.get(meta.scanId);
    const differences = metadataDifferences(existing, meta);
    if (differences.length > 0) {
      throw new DomainError(
        'scan_exists',
        `Scan ${meta.scanId} already exists with other metadata: ${differences.join('; ')}. ` +
          'Send the same metadata to re-open it, or choose another scanId.',
      );
    }
    if (existing.status !== 'open') {
      throw new DomainError(
        'scan_closed',
        `Scan ${meta.scanId} exists with this metadata but is ${existing.status}, so it takes no ` +
          'more events; open a new scan with another scanId.',
      );
    }
    return { created: false, scan: existing };
  }

  /**
   * The scan once it has ended (written, failed or expired), or as it is when
   * `waitMs` runs out or the caller goes away: a client waits for its file
   * with one call instead of a polling loop of its own.
   */
  async waitForEnd(scanId: string, waitMs: number, signal: AbortSignal): Promise<ScanState> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const scan = await this.get(scanId);
      if (!UNENDED.has(scan.status) || signal.aborted || Date.now() >= deadline) return scan;
      await sleep(Math.min(STATUS_POLL_MS, deadline - Date.now()));
    }
  }

  async get(scanId: string): Promise<ScanState> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    return withTechniqueNote(scan);
  }

  /** Closes the scan and queues its write; closing again returns the same job. */
  async close(scanId: string): Promise<CloseAccepted> {
    const outcome = await this.store.beginClose(scanId, new Date().toISOString());
    if (outcome === 'unknown')
      throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    const jobId = writeScanJobId(scanId);
    // Adding is repeated while the scan is `closing` so that a close whose
    // enqueue failed (Redis lost mid-call) completes on the next try; the job
    // id makes the repeat a no-op otherwise.
    if (outcome === 'closing') await this.queue.addWriteScan(scanId);
    return { scanId, jobId, status: outcome === 'open' ? 'closing' : outcome };
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
 * What a re-open sends that disagrees with the scan on record. A title or
 * start time the re-open leaves out is not a difference: the caller only
 * asks for the scan to be open.
 */
function metadataDifferences(existing: ScanState, sent: ScanMetadata): string[] {
  const compared = ['beamline', 'proposal', 'technique', 'title', 'startTime'] as const;
  return compared
    .filter((key) => sent[key] !== undefined && !sameValue(key, existing[key], sent[key]))
    .map(
      (key) =>
        `${key} is ${JSON.stringify(existing[key] ?? null)}, not ${JSON.stringify(sent[key])}`,
    );
}

/** Start times are instants: the same moment in another time zone is the same. */
function sameValue(key: string, recorded: string | undefined, sent: string | undefined): boolean {
  if (key === 'startTime' && recorded !== undefined && sent !== undefined) {
    return Date.parse(recorded) === Date.parse(sent);
  }
  return recorded === sent;
}
