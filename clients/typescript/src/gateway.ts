/**
 * What a beamline's software does with a gateway, a method each: open a
 * scan, stage its events, close it, wait for its file. Every error answer
 * throws a GatewayProblem; a failed write throws ScanFailed.
 */
import { createGatewayClient, type GatewayClient, type GatewayClientOptions } from './client.js';
import type { components, operations } from './openapi.js';
import { GatewayError, problemOf, ScanFailed } from './problems.js';

type Schemas = components['schemas'];
export type ScanStatus = Schemas['ScanStatusResponse'];
export type CatalogPage = Schemas['ScanCatalogPage'];
export type OpenScanRequest = Schemas['CreateScanRequest'];
export type Entry = Schemas['Entry'];
export type DeviceEvent = Schemas['DeviceEventRequest'];
export type PvSnapshot = Schemas['PvSnapshotRequest'];
export type EventAccepted = Schemas['EventAccepted'];
export type CloseBody = Schemas['ExperimentDone'] | Schemas['RunEnd'];
export type CloseAccepted = Schemas['CloseAccepted'];
export type ScanReport = Schemas['ScanReportResponse'];
export type SchemaVersion = Schemas['SchemaVersionResponse'];
export type BeamlineSchema = Schemas['SchemaResponse'];
export type SchemaRow = Schemas['SchemaRowBody'];
export type CatalogFilters = Omit<
  NonNullable<operations['listScans']['parameters']['query']>,
  'cursor'
>;

/** The statuses after which a scan's file will never be written without a retry. */
const ENDED: ReadonlySet<ScanStatus['status']> = new Set(['failed', 'expired']);

/** What openapi-fetch answers: data on success, the parsed error body otherwise. */
interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

function expect<T>(answer: Answer<T>): T {
  if (answer.response.ok) return answer.data as T;
  throw problemOf(answer.response.status, answer.error);
}

export class Gateway {
  /** The typed client underneath, for the calls this class has no method for. */
  readonly client: GatewayClient;

  constructor(options: GatewayClientOptions) {
    this.client = createGatewayClient(options);
  }

  /**
   * Opens a scan (again, harmlessly, with the same metadata). Without a
   * scanId the client picks one before the first attempt, so a retried open
   * re-opens the same scan instead of making a second one.
   */
  async openScan(scan: OpenScanRequest): Promise<ScanStatus> {
    const body = { ...scan, scanId: scan.scanId ?? globalThis.crypto.randomUUID() };
    return expect(await this.client.POST('/v1/scans', { body }));
  }

  /** Stages an Assonant Entry in its full form (each component with its `class`). */
  async sendEntry(scanId: string, entry: Entry, idempotencyKey?: string): Promise<EventAccepted> {
    const params = { path: { scanId }, header: keyHeader(idempotencyKey) };
    return expect(await this.client.POST('/v1/scans/{scanId}/entries', { params, body: entry }));
  }

  /** Stages one device (a Component) read at a stage and moment. */
  async sendDevice(scanId: string, event: DeviceEvent): Promise<EventAccepted> {
    const params = { path: { scanId } };
    return expect(await this.client.POST('/v1/scans/{scanId}/devices', { params, body: event }));
  }

  /** Stages PVs by name, placed through the beamline schema the scan pinned. */
  async sendPvs(scanId: string, snapshot: PvSnapshot): Promise<EventAccepted> {
    const params = { path: { scanId } };
    return expect(await this.client.POST('/v1/scans/{scanId}/pvs', { params, body: snapshot }));
  }

  /**
   * Closes the scan: its file is written. Closing again answers the same job.
   * The body, when given: Assonant's ExperimentDone, or how the run ended.
   */
  async close(scanId: string, body?: CloseBody): Promise<CloseAccepted> {
    const params = { path: { scanId } };
    const options = body === undefined ? { params } : { params, body };
    return expect(await this.client.POST('/v1/scans/{scanId}/close', options));
  }

  /** The scan's status; with `waitS`, waits up to that many seconds for its file. */
  async status(scanId: string, waitS?: number): Promise<ScanStatus> {
    const query = waitS === undefined ? {} : { wait: waitS };
    const params = { path: { scanId }, query };
    return expect(await this.client.GET('/v1/scans/{scanId}', { params }));
  }

  /** What the file would hold and lack if the scan were closed now. */
  async report(scanId: string): Promise<ScanReport> {
    const params = { path: { scanId } };
    return expect(await this.client.GET('/v1/scans/{scanId}/report', { params }));
  }

  /** The status once the scan is written; throws ScanFailed if it failed. */
  async waitWritten(scanId: string, timeoutS = 600): Promise<ScanStatus> {
    const deadline = Date.now() + timeoutS * 1000;
    for (;;) {
      const left = Math.max(1, Math.min(30, Math.floor((deadline - Date.now()) / 1000)));
      const scan = await this.status(scanId, left);
      if (scan.status === 'written') return scan;
      if (ENDED.has(scan.status)) throw new ScanFailed(scanId, failureReason(scan));
      if (Date.now() >= deadline) {
        throw new GatewayError(`scan ${scanId} is still ${scan.status} after ${timeoutS} s`);
      }
    }
  }

  /** The scan's written file, whole. */
  async download(scanId: string): Promise<Uint8Array> {
    const params = { path: { scanId } };
    const answer = await this.client.GET('/v1/scans/{scanId}/file', {
      params,
      parseAs: 'arrayBuffer',
    });
    return new Uint8Array(expect(answer));
  }

  /** One page of the catalog: its scans, newest first, and the cursor of the next page, if any. */
  async catalogPage(filters: CatalogFilters = {}, cursor?: string): Promise<CatalogPage> {
    const query = cursor === undefined ? filters : { ...filters, cursor };
    return expect(await this.client.GET('/v1/scans', { params: { query } }));
  }

  /** Every scan of the catalog that matches the filters, newest first, page after page. */
  async *scans(filters: CatalogFilters = {}): AsyncGenerator<ScanStatus> {
    let cursor: string | undefined;
    do {
      const page = await this.catalogPage(filters, cursor);
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  /**
   * Uploads the beamline's schema: Assonant's metadata.csv as text, or the
   * same rows as objects. Each upload is a new version.
   */
  async putSchema(beamline: string, schema: string | readonly SchemaRow[]): Promise<SchemaVersion> {
    const csv = typeof schema === 'string';
    const answer = await this.client.PUT('/v1/beamlines/{beamline}/schema', {
      params: { path: { beamline } },
      body: csv ? schema : [...schema],
      bodySerializer: (body: string | SchemaRow[]) =>
        typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': csv ? 'text/csv' : 'application/json' },
    });
    return expect(answer);
  }

  /** The beamline's schema: the newest version, or the one asked for. */
  async getSchema(beamline: string, version?: number): Promise<BeamlineSchema> {
    const query = version === undefined ? {} : { version };
    const params = { path: { beamline }, query };
    return expect(await this.client.GET('/v1/beamlines/{beamline}/schema', { params }));
  }
}

function keyHeader(idempotencyKey: string | undefined): { 'Idempotency-Key'?: string } {
  return idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey };
}

function failureReason(scan: ScanStatus): string {
  return scan.error ?? scan.reason ?? scan.status;
}
