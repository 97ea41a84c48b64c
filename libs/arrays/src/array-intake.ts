/**
 * Reads an array upload as it streams: a `.npy` body's header first (its
 * dtype, shape and order decide before any data is kept), or the layout a
 * raw body was sent with; then passes the data bytes on, counting and
 * hashing them, and refuses a body with more or fewer bytes than the shape
 * says. The digest of the whole body, as sent, is kept for Content-Digest.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { dataBytes, NPY_HEADER_LIMIT, readNpyHeader, type ArrayLayout } from './npy-header.js';

export class ArrayProblem extends Error {
  override readonly name = 'ArrayProblem';
}

export type BodyDigestAlgorithm = 'sha-256' | 'sha-512';

export interface IntakeResult {
  readonly layout: ArrayLayout;
  readonly bytes: number;
  /** Hex SHA-256 of the data bytes (C order, as stored). */
  readonly sha256: string;
  /** Base64 digest of the whole body as sent, when one was asked for. */
  readonly bodyDigest?: string;
}

export class ArrayIntake extends Transform {
  private layout: ArrayLayout | undefined;
  private expected = 0;
  private received = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private readonly data: Hash = createHash('sha256');
  private readonly body: Hash | undefined;
  private outcome: IntakeResult | undefined;

  constructor(
    source: { format: 'npy' } | { format: 'raw'; layout: ArrayLayout },
    bodyDigest?: BodyDigestAlgorithm,
  ) {
    super();
    this.body = bodyDigest === undefined ? undefined : createHash(bodyDigest.replace('-', ''));
    if (source.format === 'raw') this.begin(source.layout);
  }

  /** What was read; only once the stream has ended without error. */
  result(): IntakeResult {
    if (this.layout === undefined) throw new Error('the array was not read');
    // A digest can be taken once: the first call's result is the answer to every call.
    this.outcome ??= {
      layout: this.layout,
      bytes: this.received,
      sha256: this.data.digest('hex'),
      ...(this.body !== undefined ? { bodyDigest: this.body.digest('base64') } : {}),
    };
    return this.outcome;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, next: TransformCallback): void {
    this.body?.update(chunk);
    if (this.layout !== undefined) return this.pass(chunk, next);
    this.head.push(chunk);
    this.headLength += chunk.length;
    const head = Buffer.concat(this.head, this.headLength);
    const header = readNpyHeader(head);
    if (header.kind === 'invalid') return next(new ArrayProblem(header.problem));
    if (header.kind === 'incomplete') {
      if (this.headLength > NPY_HEADER_LIMIT)
        return next(new ArrayProblem('the .npy header never ends'));
      return next();
    }
    this.head = [];
    this.begin(header.layout);
    this.pass(head.subarray(header.dataOffset), next);
  }

  override _flush(done: TransformCallback): void {
    if (this.layout === undefined) {
      return done(new ArrayProblem('the body ended inside the .npy header (a truncated file?)'));
    }
    if (this.received < this.expected) {
      return done(new ArrayProblem(this.mismatch(`ended after ${this.received}`)));
    }
    done();
  }

  private begin(layout: ArrayLayout): void {
    this.layout = layout;
    this.expected = dataBytes(layout);
  }

  private pass(chunk: Buffer, next: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.expected) {
      return next(new ArrayProblem(this.mismatch(`holds more than ${this.expected}`)));
    }
    this.data.update(chunk);
    next(null, chunk);
  }

  private mismatch(what: string): string {
    const layout = this.layout;
    const shape =
      layout === undefined ? '' : `(${layout.shape.join(', ')}) of ${layout.dtype.name}`;
    return `shape ${shape} is ${this.expected} bytes, but the data ${what}: send the whole array, or the shape it has`;
  }
}
