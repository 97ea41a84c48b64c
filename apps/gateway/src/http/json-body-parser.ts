/**
 * The only body the API takes is JSON, parsed once by the strict parser of
 * libs/staging: numbers keep their text, and a body that another reader could
 * see differently (a key twice, a lone surrogate, nesting past the bound) is a
 * 400. Validation sees the plain view; the text it was read from is what is
 * staged. A route that takes a
 * body and gets none answers 400 from the validation pipe.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJsonChecked } from '#libs/staging/src/index.js';
import { jsonBodyRefusal } from './json-body-error.js';

/** `jsonText`: the body's text, kept for the routes that stage it as received. */
export type RequestWithJsonBody = FastifyRequest & { jsonText?: string };

export function useJsonBodiesOnly(fastify: FastifyInstance, bodyLimit: number): void {
  // Anything but JSON (and the HDF5 uploads of /v1/validate) is refused by Fastify with 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request: RequestWithJsonBody, body: string | Buffer, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      // No body at all, as on a close sent with a JSON content type: the route decides.
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      try {
        const value = parseJsonChecked(text);
        request.jsonText = text;
        done(null, value);
      } catch (error) {
        done(jsonBodyRefusal(error), undefined);
      }
    },
  );
}
