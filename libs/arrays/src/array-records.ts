/** What is known of each uploaded array, per scan, in Redis: its description, never its bytes. */
import type { Redis } from 'ioredis';

export interface ArrayRecord {
  arrayId: string;
  scanId: string;
  dtype: string;
  shape: number[];
  bytes: number;
  /** Hex SHA-256 of the data bytes. */
  sha256: string;
  createdAt: string;
  /** A frame: the stream it belongs to and its index there. */
  stream?: string;
  index?: number;
  /** The compression the upload asked for (`bslz4`, `gzip:6`); else the beamline's. */
  compression?: string;
}

export class ArrayRecords {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(record: ArrayRecord): Promise<void> {
    await this.redis.hset(this.key(record.scanId), record.arrayId, JSON.stringify(record));
  }

  async get(scanId: string, arrayId: string): Promise<ArrayRecord | undefined> {
    const text = await this.redis.hget(this.key(scanId), arrayId);
    return text === null ? undefined : (JSON.parse(text) as ArrayRecord);
  }

  async list(scanId: string): Promise<ArrayRecord[]> {
    return Object.values(await this.redis.hgetall(this.key(scanId))).map(
      (text) => JSON.parse(text) as ArrayRecord,
    );
  }

  async remove(scanId: string, arrayId: string): Promise<void> {
    await this.redis.hdel(this.key(scanId), arrayId);
  }

  async removeScan(scanId: string): Promise<void> {
    await this.redis.del(this.key(scanId));
  }

  /** Beside the scan's own keys, in its hash slot. */
  key(scanId: string): string {
    return `${this.prefix}:scan:{${scanId}}:arrays`;
  }
}
