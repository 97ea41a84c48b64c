/**
 * Array uploads: the body streams through the reader (header, layout,
 * counts, digests) to the scan's folder in the array spool, fsynced before
 * the 201. Whatever goes wrong — a bad header, too few or too many bytes,
 * past the limit, a digest that differs, the client gone — nothing is kept.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '#libs/config/src/index.js';
import {
  ArrayIntake,
  ArrayProblem,
  byteLimit,
  parseContentDigest,
  parseDtype,
  parseShape,
  MAX_FRAME_INDEX,
  ScanArrays,
  type ArrayLayout,
  type ArrayRecord,
} from '#libs/arrays/src/index.js';
import { ScanStore } from '#libs/staging/src/index.js';
import { DomainError } from '../problem/domain-error.js';
import { APP_CONFIG, PRODUCER_REDIS } from '../redis/tokens.js';
import { arrayTooLarge, type ArrayUploadBody } from './array-upload-body.js';
import type { ArrayUploadQuery } from './dto/array-upload.query.js';
import type { ArrayUploaded } from './dto/array-uploaded.dto.js';

export const DTYPE_HEADER = 'x-array-dtype';
export const SHAPE_HEADER = 'x-array-shape';

@Injectable()
export class ArraysService {
  private readonly arrays: ScanArrays;

  constructor(
    private readonly store: ScanStore,
    @Inject(PRODUCER_REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.arrays = new ScanArrays(redis, config.keyPrefix, config.arraySpoolDir);
  }

  async upload(
    scanId: string,
    body: ArrayUploadBody,
    headers: Record<string, string | string[] | undefined>,
    query: ArrayUploadQuery = {},
  ): Promise<ArrayUploaded> {
    await this.requireOpen(scanId);
    const frame = frameOf(query);
    const source =
      body.format === 'npy'
        ? { format: 'npy' as const }
        : { format: 'raw' as const, layout: rawLayout(headers) };
    const digestHeader = header(headers, 'content-digest');
    const digest = digestHeader === undefined ? undefined : parseContentDigest(digestHeader);
    if (digest !== undefined && 'problem' in digest)
      throw new DomainError('invalid_array', digest.problem);
    const intake = new ArrayIntake(source, digest?.algorithm);
    const limit = this.config.arrayLimitBytes;
    let arrayId: string;
    try {
      arrayId = await this.arrays.spool.write(
        scanId,
        body.stream,
        [byteLimit(limit, () => arrayTooLarge(limit)), intake],
        body.signal,
        () => {
          const sent = intake.result().bodyDigest;
          if (digest !== undefined && sent !== digest.digest) {
            throw new DomainError(
              'digest_mismatch',
              `The body's ${digest.algorithm} is :${sent ?? ''}:, not the Content-Digest's :${digest.digest}:. Nothing was kept: send it again.`,
            );
          }
        },
      );
    } catch (error) {
      if (error instanceof ArrayProblem) throw new DomainError('invalid_array', error.message);
      throw error;
    }
    const { layout, bytes, sha256 } = intake.result();
    const uploaded: ArrayUploaded = {
      scanId,
      arrayId,
      dtype: layout.dtype.name,
      shape: [...layout.shape],
      bytes,
      sha256,
      ...(frame !== undefined ? frame : {}),
      ...(query.compression !== undefined ? { compression: query.compression } : {}),
    };
    const record = { ...uploaded, createdAt: new Date().toISOString() };
    try {
      if (frame === undefined) {
        await this.arrays.records.add(record);
      } else {
        const earlier = await this.claimFrame({ ...record, ...frame });
        if (earlier !== undefined) {
          await this.arrays.spool.remove(scanId, arrayId);
          return { ...earlier, duplicate: true };
        }
      }
      // A close that came while the body streamed may have let the worker
      // read the scan's arrays already: refuse this one rather than lose it.
      await this.requireOpen(scanId);
    } catch (error) {
      await this.forget(uploaded, frame);
      throw error;
    }
    return uploaded;
  }

  /**
   * Takes the frame's place in its stream, with its record. Undefined: it is
   * the stream's frame at that index now; else the earlier upload of the
   * same bytes.
   */
  private async claimFrame(
    record: ArrayRecord & { stream: string; index: number },
  ): Promise<ArrayUploaded | undefined> {
    const { scanId, arrayId, dtype, shape, stream, index } = record;
    const layout = await this.arrays.streams.claimLayout(scanId, stream, { dtype, shape });
    if (layout.dtype !== dtype || !sameShape(layout.shape, shape)) {
      throw new DomainError(
        'invalid_array',
        `Frame ${index} of stream ${stream} is ${dtype} [${shape.join(', ')}]; the stream's frames are ${layout.dtype} [${layout.shape.join(', ')}], as its first frame was. Send frames of one dtype and shape, or name another stream.`,
      );
    }
    const owner = await this.arrays.streams.claimFrame(record);
    if (owner === arrayId) return undefined;
    const earlier = await this.arrays.records.get(scanId, owner);
    if (earlier !== undefined && earlier.sha256 === record.sha256) return toUploaded(earlier);
    throw new DomainError(
      'frame_conflict',
      `Stream ${stream} has a frame ${index} already, with other bytes (sha256 ${earlier?.sha256 ?? 'unknown'}). Nothing was kept: send each index once, or name another stream.`,
    );
  }

  /** Undoes a refused upload: its bytes, its record, its claim on a frame index. */
  private async forget(
    uploaded: ArrayUploaded,
    frame: { stream: string; index: number } | undefined,
  ): Promise<void> {
    const { scanId, arrayId } = uploaded;
    await this.arrays.spool.remove(scanId, arrayId);
    await this.arrays.records.remove(scanId, arrayId);
    if (frame !== undefined) {
      await this.arrays.streams.releaseIndex(scanId, frame.stream, frame.index, arrayId);
    }
  }

  private async requireOpen(scanId: string): Promise<void> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    if (scan.status !== 'open') {
      throw new DomainError(
        'scan_closed',
        `Scan ${scanId} is ${scan.status}; arrays are taken while it is open.`,
      );
    }
  }

  /** The scan is deleted: its arrays and their records go. */
  removeScan(scanId: string): Promise<void> {
    return this.arrays.removeScan(scanId);
  }
}

function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The layout of a raw body, from X-Array-Dtype and X-Array-Shape. */
function rawLayout(headers: Record<string, string | string[] | undefined>): ArrayLayout {
  const dtypeText = header(headers, DTYPE_HEADER);
  const shapeText = header(headers, SHAPE_HEADER);
  if (dtypeText === undefined || shapeText === undefined) {
    throw new DomainError(
      'invalid_array',
      'A raw (application/octet-stream) array needs X-Array-Dtype (e.g. uint16) and X-Array-Shape (e.g. 2048,2048); or send a .npy as application/x-npy.',
    );
  }
  const dtype = parseDtype(dtypeText);
  if ('problem' in dtype) throw new DomainError('invalid_array', `X-Array-Dtype: ${dtype.problem}`);
  const shape = parseShape(shapeText);
  if ('problem' in shape) throw new DomainError('invalid_array', `X-Array-Shape: ${shape.problem}`);
  return { dtype, shape: shape.shape };
}

/** The frame a query names, if any: both its stream and its index, or neither. */
function frameOf(query: ArrayUploadQuery): { stream: string; index: number } | undefined {
  if (query.stream === undefined && query.index === undefined) return undefined;
  if (query.stream === undefined || query.index === undefined) {
    throw new DomainError(
      'invalid_query',
      'A frame names its stream and its index: send both ?stream=<name>&index=<n>, or neither for a single array.',
    );
  }
  const index = Number(query.index);
  if (index > MAX_FRAME_INDEX) {
    throw new DomainError('invalid_query', `index ${index} is above ${MAX_FRAME_INDEX}.`);
  }
  return { stream: query.stream, index };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function toUploaded(record: ArrayRecord): ArrayUploaded {
  const { scanId, arrayId, dtype, shape, bytes, sha256, stream, index, compression } = record;
  return {
    scanId,
    arrayId,
    dtype,
    shape,
    bytes,
    sha256,
    ...(stream !== undefined && index !== undefined ? { stream, index } : {}),
    ...(compression !== undefined ? { compression } : {}),
  };
}
