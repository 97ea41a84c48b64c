/** Opening, closing, reading and listing scans. */
import { Injectable } from '@nestjs/common';
import type { CreateScanRequest } from '#libs/model/src/index.js';
import { writeScanJobId } from '#libs/queue-contracts/src/index.js';
import {
  ScanStore,
  type CatalogPage,
  type ScanMetadata,
  type ScanState,
} from '#libs/staging/src/index.js';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../problem/domain-error.js';
import { WriteQueueProducer } from '../redis/write-queue.producer.js';
import type { CloseAccepted } from './dto/close-accepted.dto.js';
import type { ListScansQuery } from './dto/list-scans.query.js';

@Injectable()
export class ScansService {
  constructor(
    private readonly store: ScanStore,
    private readonly queue: WriteQueueProducer,
  ) {}

  /** Opens a scan. Re-opening an existing id with the same metadata returns it unchanged. */
  async open(request: CreateScanRequest): Promise<{ created: boolean; scan: ScanState }> {
    const meta: ScanMetadata = {
      scanId: request.scanId ?? randomUUID(),
      beamline: request.beamline,
      proposal: request.proposal,
      technique: request.technique,
      createdAt: new Date().toISOString(),
      ...(request.title !== undefined ? { title: request.title } : {}),
      ...(request.startTime !== undefined ? { startTime: request.startTime } : {}),
    };
    if (await this.store.create(meta)) return { created: true, scan: await this.get(meta.scanId) };
    const existing = await this.get(meta.scanId);
    const same =
      existing.beamline === meta.beamline &&
      existing.proposal === meta.proposal &&
      existing.technique === meta.technique;
    if (!same) {
      throw new DomainError(
        'scan_exists',
        `Scan ${meta.scanId} already exists with other beamline, proposal or technique.`,
      );
    }
    return { created: false, scan: existing };
  }

  async get(scanId: string): Promise<ScanState> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    return scan;
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
    return this.store.list(
      {
        ...(query.beamline !== undefined ? { beamline: query.beamline } : {}),
        ...(query.proposal !== undefined ? { proposal: query.proposal } : {}),
        ...(query.technique !== undefined ? { technique: query.technique } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.from !== undefined ? { createdFrom: query.from } : {}),
        ...(query.to !== undefined ? { createdTo: query.to } : {}),
      },
      limit,
      query.cursor,
    );
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
