/**
 * A client that behaves as beamline software should: an event is sent again
 * after a 503, a 429 or a dropped connection until the gateway accepts it.
 * It counts what it met on the way.
 */
export interface ClientTally {
  requests: number;
  unavailable503: number;
  throttled429: number;
  connectionErrors: number;
}

export function newTally(): ClientTally {
  return { requests: 0, unavailable503: 0, throttled429: 0, connectionErrors: 0 };
}

export async function postUntilAccepted(
  url: string,
  body: string,
  tally: ClientTally,
  deadlineMs = 120_000,
): Promise<{ status: number; json: unknown }> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt += 1) {
    if (Date.now() > deadline) throw new Error(`not accepted within ${deadlineMs} ms: ${url}`);
    tally.requests += 1;
    try {
      const response = await fetch(url, {
        method: 'POST',
        // An empty body (close) is sent with no content type, as curl -X POST does.
        ...(body === '' ? {} : { headers: { 'content-type': 'application/json' }, body }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (response.status === 503) tally.unavailable503 += 1;
      else if (response.status === 429) tally.throttled429 += 1;
      else if (response.status >= 200 && response.status < 300) {
        return { status: response.status, json: JSON.parse(text) as unknown };
      } else {
        throw new Error(`${response.status} from ${url}: ${text}`);
      }
    } catch (error) {
      if (error instanceof Error && /^\d{3} from /.test(error.message)) throw error;
      tally.connectionErrors += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 500)));
  }
}
