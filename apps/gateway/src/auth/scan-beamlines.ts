/**
 * The beamline of a scan, for access checks. A scan never changes beamline, so
 * answers are kept (a bounded number) to spare a Redis read per request; a
 * deleted scan is forgotten, as its id may be reused on another beamline.
 */
import { Injectable } from '@nestjs/common';
import { ScanStore } from '#libs/staging/src/index.js';

const REMEMBERED = 10_000;

@Injectable()
export class ScanBeamlines {
  private readonly known = new Map<string, string>();

  constructor(private readonly store: ScanStore) {}

  async of(scanId: string): Promise<string | undefined> {
    const cached = this.known.get(scanId);
    if (cached !== undefined) return cached;
    const scan = await this.store.get(scanId);
    if (scan === undefined) return undefined;
    if (this.known.size >= REMEMBERED) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(scanId, scan.beamline);
    return scan.beamline;
  }

  forget(scanId: string): void {
    this.known.delete(scanId);
  }
}
