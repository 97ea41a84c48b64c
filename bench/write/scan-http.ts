/** The calls of the write benchmark: a MOGNO scan opened, filled and closed over HTTP. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchScanStatus {
  scanId: string;
  status: string;
  closedAt?: string;
  writtenAt?: string;
  error?: string;
  file?: { path: string };
}

const fixture = (root: string, name: string): string =>
  readFileSync(path.join(root, 'test/fixtures/assonant', `${name}.json`), 'utf8');

export class BenchScans {
  private readonly entries: string[];
  private opened = 0;

  constructor(
    private readonly base: string,
    root: string,
  ) {
    this.entries = [
      fixture(root, 'mogno-tomography-start'),
      fixture(root, 'mogno-tomography-during'),
    ];
  }

  /** Opens a scan and sends it the MOGNO start and during entries; returns its id. */
  async prepare(label: string): Promise<string> {
    this.opened += 1;
    const scanId = `${label}-${this.opened}`;
    await this.post(
      '/v1/scans',
      JSON.stringify({ scanId, beamline: 'MOGNO', proposal: 'bench', technique: 'CT' }),
      201,
    );
    for (const entry of this.entries) await this.post(`/v1/scans/${scanId}/entries`, entry, 202);
    return scanId;
  }

  async close(scanId: string): Promise<void> {
    await this.post(`/v1/scans/${scanId}/close`, undefined, 202);
  }

  /** The status once the scan is written (failed is an error), as `?wait=30` answers. */
  async waitWritten(scanId: string): Promise<BenchScanStatus> {
    for (;;) {
      const response = await fetch(`${this.base}/v1/scans/${scanId}?wait=30`);
      const status = (await response.json()) as BenchScanStatus;
      if (status.status === 'written') return status;
      if (status.status === 'failed') throw new Error(`${scanId} failed: ${status.error ?? ''}`);
    }
  }

  private async post(route: string, body: string | undefined, expected: number): Promise<void> {
    const response = await fetch(`${this.base}${route}`, {
      method: 'POST',
      ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    });
    if (response.status !== expected) {
      throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
    }
  }
}

/** Runs `task` on every item, at most `width` at a time. */
export async function inBatches<T, R>(
  items: T[],
  width: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) results[i] = await task(item);
    }
  });
  await Promise.all(lanes);
  return results;
}
