/**
 * The only body the API takes is JSON. The text is kept beside the parsed
 * value: it is what gets staged, so the worker can read integer literals
 * exactly (JSON.parse cannot) and `3.0` stays a float.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type RequestWithRawJson = FastifyRequest & { rawJson?: string };

class BodyParseError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function useJsonBodiesOnly(fastify: FastifyInstance, bodyLimit: number): void {
  // Anything but JSON (and the HDF5 uploads of /v1/validate) is refused by Fastify with 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request: RequestWithRawJson, body: string | Buffer, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(new BodyParseError('FST_ERR_CTP_EMPTY_JSON_BODY', 'empty body'), undefined);
        return;
      }
      try {
        const parsed: unknown = JSON.parse(text);
        request.rawJson = text;
        done(null, parsed);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        done(new BodyParseError('FST_ERR_CTP_INVALID_JSON_BODY', reason), undefined);
      }
    },
  );
}
