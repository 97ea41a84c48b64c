/**
 * The body of `POST /v1/scans/{scanId}/arrays`, not yet read: a `.npy`
 * (`application/x-npy`) or raw bytes (`application/octet-stream`, the layout
 * in headers). The handler streams it to the array spool once the guard and
 * the scan's checks passed, so a refused request writes nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DomainError } from '../problem/domain-error.js';

export const ARRAYS_ROUTE = '/v1/scans/:scanId/arrays';
export const NPY_TYPE = 'application/x-npy';

export class ArrayUploadBody {
  private readonly aborter = new AbortController();

  constructor(
    readonly stream: Readable,
    readonly format: 'npy' | 'raw',
  ) {}

  /** Aborted when the client goes away mid-upload. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  abort(): void {
    this.aborter.abort();
  }
}

const bodies = new WeakMap<FastifyRequest, ArrayUploadBody>();

export function isArraysRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url === ARRAYS_ROUTE;
}

export function arrayTooLarge(limitBytes: number): DomainError {
  return new DomainError(
    'array_too_large',
    `The array is larger than the array limit of ${limitBytes} bytes (ARRAY_LIMIT_BYTES): send it in frames.`,
  );
}

/** The body of an arrays request, refused early when its Content-Length is past the limit. */
export function arrayBodyOf(
  request: FastifyRequest,
  payload: Readable,
  format: 'npy' | 'raw',
  limitBytes: number,
): ArrayUploadBody {
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) throw arrayTooLarge(limitBytes);
  const body = new ArrayUploadBody(payload, format);
  bodies.set(request, body);
  return body;
}

/** `.npy` bodies on the arrays route; elsewhere a 415 like any body that is not JSON. */
export function useArrayUploads(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addContentTypeParser(NPY_TYPE, (request, payload, done) => {
    if (!isArraysRoute(request)) {
      done(
        new DomainError(
          'unsupported_media_type',
          `.npy bodies are taken by POST ${ARRAYS_ROUTE.replace(':scanId', '{scanId}')} only; send JSON here.`,
        ),
        undefined,
      );
      return;
    }
    try {
      done(null, arrayBodyOf(request, payload, 'npy', limitBytes));
    } catch (error) {
      done(error as DomainError, undefined);
    }
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    bodies.get(request)?.abort();
    done();
  });
}
