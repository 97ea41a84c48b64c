/**
 * Frame streams: a detector sends one frame per request with its stream's
 * name and the frame's index. The first frame fixes the stream's dtype and
 * frame shape; an index sent again with the same bytes is the same frame
 * (a retry), with other bytes a conflict.
 */
import type { Redis } from 'ioredis';
import { ArrayRecords, type ArrayRecord } from './array-records.js';

export interface StreamLayout {
  dtype: string;
  shape: number[];
}

export interface StreamSummary extends StreamLayout {
  stream: string;
  frames: number;
  /** Indices below the highest one that have no frame yet. */
  missing: number[];
}

/** The largest frame index accepted: HDF5 dimensions are 64-bit, JSON integers safe below 2^53. */
export const MAX_FRAME_INDEX = 2 ** 32 - 1;

/** Indices in [0, max] absent from `indices`, ascending. */
export function missingIndices(indices: readonly number[]): number[] {
  const present = new Set(indices);
  const highest = Math.max(-1, ...indices);
  const missing: number[] = [];
  for (let index = 0; index <= highest; index++) if (!present.has(index)) missing.push(index);
  return missing;
}

/** KEYS: the stream's frames, the scan's array records; ARGV: index, arrayId, record. */
const CLAIM_FRAME = `
local owner = redis.call('HGET', KEYS[1], ARGV[1])
if owner then return owner end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
return ARGV[2]
`;

export class FrameStreams {
  private readonly records: ArrayRecords;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.records = new ArrayRecords(redis, prefix);
  }

  /** The stream's layout: the one it has, or `layout` when this is its first frame. */
  async claimLayout(scanId: string, stream: string, layout: StreamLayout): Promise<StreamLayout> {
    const key = this.layoutsKey(scanId);
    await this.redis.hsetnx(key, stream, JSON.stringify(layout));
    const text = await this.redis.hget(key, stream);
    return text === null ? layout : (JSON.parse(text) as StreamLayout);
  }

  /**
   * Makes `record` the stream's frame at its index, with its record, in one
   * step (so no index is ever claimed without its record), unless the index
   * has a frame already: then that frame's arrayId is the answer.
   */
  async claimFrame(record: ArrayRecord & { stream: string; index: number }): Promise<string> {
    const { scanId, stream, index, arrayId } = record;
    const owner = await this.redis.eval(
      CLAIM_FRAME,
      2,
      this.framesKey(scanId, stream),
      this.records.key(scanId),
      String(index),
      arrayId,
      JSON.stringify(record),
    );
    return String(owner);
  }

  /** Gives the index up again (its frame was refused after the claim). */
  async releaseIndex(
    scanId: string,
    stream: string,
    index: number,
    arrayId: string,
  ): Promise<void> {
    const key = this.framesKey(scanId, stream);
    if ((await this.redis.hget(key, String(index))) === arrayId) {
      await this.redis.hdel(key, String(index));
    }
  }

  async summaries(scanId: string): Promise<StreamSummary[]> {
    const layouts = await this.redis.hgetall(this.layoutsKey(scanId));
    const summaries: StreamSummary[] = [];
    for (const [stream, text] of Object.entries(layouts).sort(([a], [b]) => a.localeCompare(b))) {
      const indices = (await this.redis.hkeys(this.framesKey(scanId, stream))).map(Number);
      summaries.push({
        stream,
        ...(JSON.parse(text) as StreamLayout),
        frames: indices.length,
        missing: missingIndices(indices),
      });
    }
    return summaries;
  }

  async removeScan(scanId: string): Promise<void> {
    const streams = await this.redis.hkeys(this.layoutsKey(scanId));
    const keys = [this.layoutsKey(scanId), ...streams.map((s) => this.framesKey(scanId, s))];
    await this.redis.del(...keys);
  }

  /** Beside the scan's own keys, in its hash slot. */
  private layoutsKey(scanId: string): string {
    return `${this.prefix}:scan:{${scanId}}:streams`;
  }

  private framesKey(scanId: string, stream: string): string {
    return `${this.prefix}:scan:{${scanId}}:stream:${stream}`;
  }
}
