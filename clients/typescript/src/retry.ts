/**
 * The retries that are safe here: 503, 429 and connection errors are tried
 * again with exponential backoff (honouring `Retry-After`), each attempt a
 * copy of the same request — same body, same `Idempotency-Key` — so a retry
 * can never store an event twice. The same rules as the Python client's.
 */
import { GatewayError } from './problems.js';

export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** The first backoff; it doubles with each attempt, up to `capMs`. */
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseMs: 200, capMs: 10_000 };

/** What a retrying fetch needs from outside, so that tests can watch it. */
export interface RetryHooks {
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told of each retry before its wait: why, and how long the wait is. */
  readonly onRetry?: (retry: { attempt: number; delayMs: number; status?: number }) => void;
}

/**
 * How long to wait before attempt `attempt + 1`: what `Retry-After` asks
 * (seconds or an HTTP date), else exponential backoff with jitter; never over the cap.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  now: number = Date.now(),
): number {
  const asked = retryAfterMs(retryAfter, now);
  if (asked !== undefined) return Math.min(policy.capMs, asked);
  const backoff = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return backoff * (0.5 + Math.random() / 2);
}

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A fetch that retries as above; the last answer (or a GatewayError when none came) is final. */
export function retryingFetch(
  fetchOnce: (request: Request) => Promise<Response>,
  policy: RetryPolicy = DEFAULT_RETRY,
  hooks: RetryHooks = {},
): (request: Request) => Promise<Response> {
  const sleep = hooks.sleep ?? pause;
  return async (request) => {
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt === policy.attempts - 1;
      let response: Response;
      try {
        // A request's body can be read once: each attempt sends a copy.
        response = await fetchOnce(request.clone());
      } catch (error) {
        if (last) throw unreachable(request, error);
        const delayMs = retryDelayMs(policy, attempt, null);
        hooks.onRetry?.({ attempt, delayMs });
        await sleep(delayMs);
        continue;
      }
      if (!RETRIED_STATUSES.has(response.status) || last) return response;
      const delayMs = retryDelayMs(policy, attempt, response.headers.get('Retry-After'));
      // Drain the refused answer so its connection goes back to the pool.
      await response.arrayBuffer();
      hooks.onRetry?.({ attempt, delayMs, status: response.status });
      await sleep(delayMs);
    }
  };
}

function unreachable(request: Request, error: unknown): GatewayError {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new GatewayError(
    `${request.method} ${request.url}: cannot reach the gateway (${reason})`,
    {
      cause: error,
    },
  );
}
