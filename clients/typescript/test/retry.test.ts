/**
 * The TypeScript client's retries against a local server that answers what
 * the test says: 503s with Retry-After, a 429 storm, and nobody listening.
 * Each attempt must carry the same body and Idempotency-Key.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Gateway, GatewayError, GatewayProblem, retryDelayMs } from '../src/index.js';

interface Seen {
  readonly body: string;
  readonly key: string | undefined;
  readonly auth: string | undefined;
}

type Answer = (res: ServerResponse) => void;

function problem(status: number, title: string, retryAfter?: string): Answer {
  return (res) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
    if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
    res.writeHead(status, headers);
    res.end(
      JSON.stringify({ type: 'urn:test', title, status, detail: `${title}.`, requestId: 'r-1' }),
    );
  };
}

const accepted: Answer = (res) => {
  res.writeHead(202, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ eventId: 'e-1', duplicate: false }));
};

describe('the TypeScript client retries', () => {
  let server: Server;
  let url = '';
  let script: Answer[] = [];
  let seen: Seen[] = [];

  before(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const key = req.headers['idempotency-key'];
        seen.push({
          body,
          key: typeof key === 'string' ? key : undefined,
          auth: req.headers.authorization,
        });
        (script.shift() ?? problem(500, 'Unscripted'))(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const entry = { name: 'entry', class: 'Entry' } as never;

  it('retries 503 as Retry-After says, with the same body and key', async () => {
    script = [problem(503, 'Unavailable', '0'), problem(503, 'Unavailable', '1'), accepted];
    seen = [];
    const waits: number[] = [];
    const gateway = new Gateway({
      url,
      apiKey: 'k-1',
      hooks: { sleep: () => Promise.resolve(), onRetry: (retry) => waits.push(retry.delayMs) },
    });
    const answer = await gateway.sendEntry('scan-1', entry, 'key-1');
    assert.equal(answer.eventId, 'e-1');
    assert.equal(seen.length, 3);
    assert.deepEqual(waits, [0, 1000], 'Retry-After in seconds, honoured');
    for (const attempt of seen) {
      assert.equal(attempt.body, JSON.stringify(entry));
      assert.equal(attempt.key, 'key-1');
      assert.equal(attempt.auth, 'Bearer k-1');
    }
  });

  it('backs off ever longer under a 429 storm, then throws the problem', async () => {
    script = Array.from({ length: 5 }, () => problem(429, 'Too Many Requests'));
    seen = [];
    const waits: number[] = [];
    const gateway = new Gateway({
      url,
      retry: { attempts: 5, baseMs: 100, capMs: 10_000 },
      hooks: { sleep: () => Promise.resolve(), onRetry: (retry) => waits.push(retry.delayMs) },
    });
    await assert.rejects(gateway.sendEntry('scan-1', entry), (error: unknown) => {
      assert.ok(error instanceof GatewayProblem);
      assert.equal(error.status, 429);
      assert.equal(error.requestId, 'r-1');
      return true;
    });
    assert.equal(seen.length, 5, 'every attempt was made');
    assert.equal(waits.length, 4);
    // Jitter keeps each wait within [½, 1] of 100·2^n ms: each band lies above the last.
    waits.forEach((wait, n) => {
      assert.ok(wait >= 50 * 2 ** n && wait <= 100 * 2 ** n, `wait ${n}: ${wait} ms`);
    });
  });

  it('answers a 4xx at once, without retrying', async () => {
    script = [problem(422, 'Unprocessable')];
    seen = [];
    const gateway = new Gateway({ url, hooks: { sleep: () => Promise.resolve() } });
    await assert.rejects(gateway.sendEntry('scan-1', entry), GatewayProblem);
    assert.equal(seen.length, 1);
  });

  it('retries when nobody listens, then names the gateway it could not reach', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    let retries = 0;
    const gateway = new Gateway({
      url: `http://127.0.0.1:${port}`,
      retry: { attempts: 3, baseMs: 1, capMs: 1 },
      hooks: { onRetry: () => (retries += 1) },
    });
    await assert.rejects(gateway.status('scan-1'), (error: unknown) => {
      assert.ok(error instanceof GatewayError && !(error instanceof GatewayProblem));
      assert.match(error.message, new RegExp(`GET http://127\\.0\\.0\\.1:${port}/v1/scans/scan-1`));
      assert.match(error.message, /cannot reach the gateway/);
      return true;
    });
    assert.equal(retries, 2);
  });

  it('reads Retry-After as seconds or as an HTTP date, and caps it', () => {
    const policy = { attempts: 3, baseMs: 100, capMs: 5000 };
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryDelayMs(policy, 0, '2', now), 2000);
    assert.equal(retryDelayMs(policy, 0, 'Thu, 01 Jan 2026 00:00:03 GMT', now), 3000);
    assert.equal(retryDelayMs(policy, 0, '120', now), 5000);
    const guessed = retryDelayMs(policy, 2, 'soon', now);
    assert.ok(guessed >= 200 && guessed <= 400, `an unreadable Retry-After backs off: ${guessed}`);
  });
});
