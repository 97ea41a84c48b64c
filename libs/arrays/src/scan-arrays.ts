/** A scan's uploaded arrays as a whole: on disk in the array spool, described in Redis. */
import type { Redis } from 'ioredis';
import { ArrayRecords } from './array-records.js';
import { ArraySpool } from './array-spool.js';
import { FrameStreams } from './frame-streams.js';

export class ScanArrays {
  readonly spool: ArraySpool;
  readonly records: ArrayRecords;
  readonly streams: FrameStreams;

  constructor(redis: Redis, keyPrefix: string, spoolDir: string) {
    this.spool = new ArraySpool(spoolDir);
    this.records = new ArrayRecords(redis, keyPrefix);
    this.streams = new FrameStreams(redis, keyPrefix);
  }

  /** The scan's file is written, or the scan is deleted or expired: its arrays and their records go. */
  async removeScan(scanId: string): Promise<void> {
    await this.spool.removeScan(scanId);
    await this.records.removeScan(scanId);
    await this.streams.removeScan(scanId);
  }
}
