/** The calls a beamline client makes, over real HTTP with supertest. */
import request from 'supertest';
import assert from 'node:assert/strict';

export interface OpenScanBody {
  beamline: string;
  proposal: string;
  technique: string;
  scanId?: string;
  title?: string;
  startTime?: string;
}

export class ScanClient {
  constructor(readonly baseUrl: string) {}

  async open(body: OpenScanBody): Promise<string> {
    const response = await request(this.baseUrl).post('/v1/scans').send(body).expect(201);
    return (response.body as { scanId: string }).scanId;
  }

  /** Uploads a beamline's schema, Assonant's metadata.csv as it is; 201 expected. */
  async putSchema(beamline: string, csv: Buffer): Promise<void> {
    await request(this.baseUrl)
      .put(`/v1/beamlines/${beamline}/schema`)
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(201);
  }

  postJson(path: string, text: string): request.Test {
    return request(this.baseUrl).post(path).set('content-type', 'application/json').send(text);
  }

  async entry(scanId: string, text: string): Promise<void> {
    await this.postJson(`/v1/scans/${scanId}/entries`, text).expect(202);
  }

  async device(scanId: string, text: string): Promise<void> {
    await this.postJson(`/v1/scans/${scanId}/devices`, text).expect(202);
  }

  async close(scanId: string): Promise<void> {
    await request(this.baseUrl).post(`/v1/scans/${scanId}/close`).expect(202);
  }

  async status(scanId: string): Promise<ScanStatusBody> {
    const response = await request(this.baseUrl).get(`/v1/scans/${scanId}`).expect(200);
    return response.body as ScanStatusBody;
  }

  /** One page of the catalog, GET /v1/scans with `query` (and the cursor, if given). */
  async catalog(query: Record<string, string>, cursor?: string): Promise<CatalogPageBody> {
    const response = await request(this.baseUrl)
      .get('/v1/scans')
      .query(cursor === undefined ? query : { ...query, cursor })
      .expect(200);
    return response.body as CatalogPageBody;
  }

  /**
   * Every page of the catalog for `query`, following nextCursor; `afterPage`
   * runs after each page is read and before the next is asked for.
   */
  async catalogPages(
    query: Record<string, string>,
    afterPage: (page: CatalogPageBody) => Promise<void> = () => Promise.resolve(),
  ): Promise<CatalogPageBody[]> {
    const pages: CatalogPageBody[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.catalog(query, cursor);
      pages.push(page);
      await afterPage(page);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return pages;
  }

  /** Polls the status a client would poll until the scan is written. */
  async waitWritten(scanId: string, timeoutMs = 30_000): Promise<ScanStatusBody> {
    const status = await this.waitSettled(scanId, timeoutMs);
    assert.equal(status.status, 'written', `scan ${scanId} failed: ${status.error ?? ''}`);
    return status;
  }

  /** Polls until the scan is written or failed. */
  async waitSettled(scanId: string, timeoutMs = 30_000): Promise<ScanStatusBody> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.status(scanId);
      if (status.status === 'written' || status.status === 'failed') return status;
      assert.ok(
        Date.now() < deadline,
        `scan ${scanId} still ${status.status} after ${timeoutMs} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface CatalogPageBody {
  items: (ScanStatusBody & { beamline: string; proposal: string; createdAt: string })[];
  nextCursor?: string;
}

export interface ScanStatusBody {
  scanId: string;
  status: string;
  counts: { entries: number; devices: number };
  file?: { path: string; size: number; sha256: string };
  error?: string;
  warnings: string[];
  expiredAt?: string;
  reason?: string;
  validation?: {
    definition: string | null;
    errors: number;
    warnings: number;
    findings: {
      severity: 'error' | 'warning';
      path: string;
      code: string;
      message: string;
      nxdl: string | null;
      hint?: string;
    }[];
  };
}
