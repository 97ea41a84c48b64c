/**
 * Authentication runs in Fastify's `onRequest` hook, before any body is read
 * or spooled: an anonymous or wrongly keyed request costs a header parse, not
 * a 200 MB upload. The guard then checks what the key may do (which needs the
 * body's beamline) with the key found here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error.js';
import { sendProblem } from '../problem/send-problem.js';
import { matchApiKey, type StoredApiKey } from './api-keys.js';
import { presentedKey } from './presented-key.js';
import type { RouteAccess } from './route-access.js';

/**
 * Swagger UI and its document are served by the Swagger module, the web
 * catalog's static page by @fastify/static, not by a controller; neither
 * holds data, and what they call needs a key like any client.
 */
const PUBLIC_PREFIXES = ['/docs', '/ui'];

const keysOfRequests = new WeakMap<FastifyRequest['raw'], StoredApiKey>();

/** The key `onRequest` authenticated for this request, if any. */
export function authenticatedKey(request: FastifyRequest): StoredApiKey | undefined {
  return keysOfRequests.get(request.raw);
}

export function authenticateOnRequest(
  fastify: FastifyInstance,
  keys: ReadonlyMap<string, StoredApiKey>,
  routes: RouteAccess,
): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const presented = presentedKey(request.headers);
    const key = presented === undefined ? undefined : matchApiKey(presented, keys);
    if (key !== undefined) {
      keysOfRequests.set(request.raw, key);
      return;
    }
    if (isPublic(request, routes)) return;
    const error = new DomainError(
      'unauthenticated',
      presented === undefined
        ? 'Send an API key: Authorization: Bearer <key> (or X-API-Key: <key>).'
        : 'The API key is not valid: check it was copied whole, or ask for a new one.',
    );
    // A body may be on its way: close the connection rather than read it.
    if (hasBody(request)) void reply.header('connection', 'close');
    await sendProblem(reply, request, error);
  });
}

function isPublic(request: FastifyRequest, routes: RouteAccess): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (PUBLIC_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)))
    return true;
  return routes.ruleFor(request.method, request.routeOptions.url).kind === 'public';
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}
