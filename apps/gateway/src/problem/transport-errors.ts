/**
 * Errors raised below the controllers — Fastify's body parsing and limits,
 * the router, the strict JSON parser, the Redis client when the store is
 * unreachable — as the gateway's own problems, each saying what to change.
 * No framework code or wording leaves the gateway.
 */
import { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isUploadRoute } from '../http/hdf5-upload-parser.js';
import { isSchemaRoute } from '../schemas/schema-body-parser.js';
import { DomainError } from './domain-error.js';

/** The limits a refusal quotes, so that its detail says which variable to change. */
export interface TransportLimits {
  bodyLimitBytes: number;
  schemaLimitBytes: number;
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

export function transportDomainError(
  exception: unknown,
  request: FastifyRequest,
  limits: TransportLimits,
): DomainError | undefined {
  if (isRedisUnavailable(exception)) return storeUnavailable();
  const status = statusOf(exception);
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const code = codeOf(exception);
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return isSchemaRoute(request)
      ? schemaTooLarge(limits.schemaLimitBytes)
      : bodyTooLarge(limits.bodyLimitBytes);
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return isSchemaRoute(request)
      ? schemaNotCsvOrJson(request.headers['content-type'])
      : unsupportedMedia(request.headers['content-type'], isUploadRoute(request.url));
  }
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return new DomainError(
      'bad_content_length',
      'The Content-Length header does not match the body sent; let the client compute it.',
    );
  }
  if (status === 404 && exception instanceof HttpException) {
    return new DomainError(
      'route_not_found',
      `There is no ${request.method} ${request.url.split('?')[0] ?? ''}. ` +
        'Every route is listed at /docs (and /docs/json).',
    );
  }
  const message = (exception as FastifyLikeError).message;
  return new DomainError(
    'bad_request',
    typeof message === 'string' && message !== '' ? message : 'The request cannot be read.',
  );
}

export function storeUnavailable(): DomainError {
  return new DomainError(
    'store_unavailable',
    'Redis cannot be reached; nothing was stored. Retry later.',
  );
}

export function bodyTooLarge(limitBytes: number): DomainError {
  return new DomainError(
    'body_too_large',
    `The body is larger than the limit of ${limitBytes} bytes. Send less per request ` +
      '(split the readings into several events), or raise BODY_LIMIT_BYTES on the gateway.',
  );
}

export function schemaTooLarge(limitBytes: number): DomainError {
  return new DomainError(
    'body_too_large',
    `The schema is larger than the limit of ${limitBytes} bytes; nothing was stored and the ` +
      'current version stays in force. Check that the file is the beamline’s metadata.csv, or raise ' +
      'SCHEMA_LIMIT_BYTES on the gateway.',
  );
}

export function schemaNotCsvOrJson(sent: string | undefined): DomainError {
  const was = sent === undefined ? 'no Content-Type' : `Content-Type ${sent}`;
  return new DomainError(
    'unsupported_media_type',
    `Send the schema as CSV (Content-Type text/csv) or as JSON rows (application/json); this request has ${was}.`,
  );
}

/** The content type the route takes (an HDF5 file on the upload routes), and the one sent. */
export function unsupportedMedia(sent: string | undefined, uploadRoute: boolean): DomainError {
  const was = sent === undefined ? 'no Content-Type' : `Content-Type ${sent}`;
  return new DomainError(
    'unsupported_media_type',
    uploadRoute
      ? `Send the file itself as the body, with Content-Type application/x-hdf5 (this request has ${was}).`
      : `Send the body as JSON, with Content-Type application/json (this request has ${was}).`,
  );
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (typeof exception !== 'object' || exception === null) return undefined;
  const status = (exception as FastifyLikeError).statusCode;
  return typeof status === 'number' ? status : undefined;
}

function codeOf(exception: unknown): string | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const code = (exception as FastifyLikeError).code;
  return typeof code === 'string' ? code : undefined;
}

const REDIS_UNAVAILABLE_MESSAGES = [
  "Stream isn't writeable",
  'Connection is closed',
  'Command timed out',
  'Reached the max retries per request limit',
  'connect ECONNREFUSED',
  'ECONNRESET',
  'LOADING',
];

function isRedisUnavailable(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  if (exception.name === 'MaxRetriesPerRequestError') return true;
  return REDIS_UNAVAILABLE_MESSAGES.some((text) => exception.message.includes(text));
}
