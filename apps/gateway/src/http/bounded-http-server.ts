/**
 * The HTTP server under Fastify, built here so its timeouts take effect: Node
 * reads `requestTimeout` and its checking interval when the server is
 * constructed, and ignores them when set afterwards (which is what Fastify's
 * own `requestTimeout` option does), so a body trickling in at 1 byte/s would
 * hold its socket for ever.
 */
import http, { type RequestListener } from 'node:http';

export interface ServerTimeouts {
  /** Whole request, headers and body. */
  requestTimeoutMs: number;
  /** Silence on a socket, mid-request or between keep-alive requests. */
  idleTimeoutMs: number;
}

/** Node's default time to receive the headers, unless the whole request must be quicker. */
const HEADERS_TIMEOUT_MS = 60_000;

export function boundedHttpServer(handler: RequestListener, timeouts: ServerTimeouts): http.Server {
  const server = http.createServer(
    {
      requestTimeout: timeouts.requestTimeoutMs,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, timeouts.requestTimeoutMs),
      keepAliveTimeout: timeouts.idleTimeoutMs,
      // Expired requests are found by a periodic sweep (30 s by default): keep
      // it a fraction of the timeout so a slow body is cut close to its limit.
      connectionsCheckingInterval: Math.min(
        30_000,
        Math.max(50, Math.floor(timeouts.requestTimeoutMs / 4)),
      ),
    },
    handler,
  );
  server.setTimeout(timeouts.idleTimeoutMs);
  return server;
}
