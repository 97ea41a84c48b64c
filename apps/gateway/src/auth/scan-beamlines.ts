/**
 * The beamline of a scan, for access checks. Read from Redis on every request,
 * not remembered: a deleted scan's id may be opened again on another beamline,
 * and with several gateways a cache in one would not hear of the delete.
 */
import { Injectable } from '@nestjs/common';
import { ScanStore } from '#libs/staging/src/index.js';

@Injectable()
export class ScanBeamlines {
  constructor(private readonly store: ScanStore) {}

  of(scanId: string): Promise<string | undefined> {
    return this.store.beamlineOf(scanId);
  }
}
