/**
 * Schema uploads: `text/csv` on the schema route only (elsewhere a 415 like
 * any non-JSON), and the route's own size bound, for CSV and JSON rows alike,
 * so a schema is bounded by SCHEMA_LIMIT_BYTES and not by BODY_LIMIT_BYTES.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error.js';

export const SCHEMA_ROUTE = '/v1/beamlines/:beamline/schema';
export const CSV_TYPE = 'text/csv';

export function isSchemaRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url === SCHEMA_ROUTE;
}

export function useSchemaUploads(fastify: FastifyInstance, schemaLimitBytes: number): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url === SCHEMA_ROUTE && route.method === 'PUT') route.bodyLimit = schemaLimitBytes;
  });
  fastify.addContentTypeParser(
    CSV_TYPE,
    { parseAs: 'buffer', bodyLimit: schemaLimitBytes },
    (request, body: Buffer, done) => {
      if (!isSchemaRoute(request)) {
        done(
          new DomainError(
            'unsupported_media_type',
            `CSV bodies are taken by PUT ${SCHEMA_ROUTE.replace(':beamline', '{beamline}')} only; send JSON here, with Content-Type application/json.`,
          ),
          undefined,
        );
        return;
      }
      done(null, body);
    },
  );
}
