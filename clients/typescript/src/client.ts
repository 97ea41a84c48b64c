/**
 * The typed client: openapi-fetch over the types generated from the
 * committed openapi/openapi.json, sending the API key and retrying as
 * retry.ts says. Every path, parameter and body is checked by the compiler.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './openapi.js';
import { DEFAULT_RETRY, retryingFetch, type RetryHooks, type RetryPolicy } from './retry.js';

export type GatewayClient = Client<paths>;

export interface GatewayClientOptions {
  /** Where the gateway listens, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer …` when the gateway has keys on. */
  readonly apiKey?: string;
  readonly retry?: RetryPolicy;
  readonly hooks?: RetryHooks;
  /** The fetch each attempt uses; `globalThis.fetch` unless given. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const fetchOnce = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  return createClient<paths>({
    baseUrl: options.url.replace(/\/+$/, ''),
    headers: options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` },
    fetch: retryingFetch(fetchOnce, options.retry ?? DEFAULT_RETRY, options.hooks ?? {}),
  });
}
