/** A scan's uploaded arrays, as the worker sees them: on disk in the array spool, described in Redis. */
import type { Redis } from 'ioredis';
import { ArrayRecords, ArraySpool } from '#libs/arrays/src/index.js';
import type { AppConfig } from '#libs/config/src/index.js';

export class ScanArrays {
  private readonly spool: ArraySpool;
  private readonly records: ArrayRecords;

  constructor(redis: Redis, config: AppConfig) {
    this.spool = new ArraySpool(config.arraySpoolDir);
    this.records = new ArrayRecords(redis, config.keyPrefix);
  }

  /** The file is written: the scan's arrays and their records go. */
  async removeScan(scanId: string): Promise<void> {
    await this.spool.removeScan(scanId);
    await this.records.removeScan(scanId);
  }
}
