/**
 * The API key a request presents: `Authorization: Bearer <key>` (the scheme
 * is case-insensitive, RFC 9110 §11.1) or, for tools that cannot set
 * Authorization, `X-API-Key: <key>`.
 */
import type { IncomingHttpHeaders } from 'node:http';

const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined) return BEARER.exec(authorization)?.[1] ?? authorization;
  const header = headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}
