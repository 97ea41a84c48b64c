/**
 * Requests supertest cannot make: a body that is announced but never (or only
 * slowly) sent. Resolves with the answer's status, or `closed` when the
 * server hung up without one.
 */
import http from 'node:http';

export interface PartialBodyRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Content-Length announced; only `sent` bytes of it are written up front. */
  announced: number;
  sent: number;
  /** Then one more byte every this many ms, until the answer comes (0: none). */
  trickleMs?: number;
}

export interface PartialBodyOutcome {
  status: number | 'closed';
  body: string;
  /** How many body bytes were written before the answer or the hang-up. */
  written: number;
}

export function sendPartialBody(
  baseUrl: string,
  spec: PartialBodyRequest,
): Promise<PartialBodyOutcome> {
  const url = new URL(spec.path, baseUrl);
  return new Promise((resolve) => {
    let written = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: PartialBodyOutcome): void => {
      clearInterval(timer);
      resolve(outcome);
    };
    const req = http.request(url, {
      method: spec.method,
      headers: { ...spec.headers, 'content-length': String(spec.announced) },
      agent: false,
    });
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      const done = (): void => {
        finish({ status: response.statusCode ?? 0, body, written });
        req.destroy();
      };
      response.on('end', done);
      response.on('error', done);
    });
    req.on('error', () => finish({ status: 'closed', body: '', written }));
    req.flushHeaders();
    if (spec.sent > 0) {
      req.write(Buffer.alloc(spec.sent, 0x41));
      written += spec.sent;
    }
    if ((spec.trickleMs ?? 0) > 0) {
      timer = setInterval(() => {
        if (written >= spec.announced - 1) return;
        req.write(Buffer.from('A'));
        written += 1;
      }, spec.trickleMs);
    }
  });
}
