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
  ScanArrays,
  type ArrayLayout,
} from '#libs/arrays/src/index.js';
import { ScanStore } from '#libs/staging/src/index.js';
import { DomainError } from '../problem/domain-error.js';
import { APP_CONFIG, PRODUCER_REDIS } from '../redis/tokens.js';
import { arrayTooLarge, type ArrayUploadBody } from './array-upload-body.js';
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
  ): Promise<ArrayUploaded> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
    if (scan.status !== 'open') {
      throw new DomainError(
        'scan_closed',
        `Scan ${scanId} is ${scan.status}; arrays are taken while it is open.`,
      );
    }
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
    const uploaded = {
      scanId,
      arrayId,
      dtype: layout.dtype.name,
      shape: [...layout.shape],
      bytes,
      sha256,
    };
    await this.arrays.records.add({ ...uploaded, createdAt: new Date().toISOString() });
    return uploaded;
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
