/**
 * A worker process's own HTTP server (node:http, nothing else): `/metrics`
 * for Prometheus and `/health` for the orchestrator, on WORKER_HTTP_PORT. A
 * worker has no other HTTP, so this stays small and framework-free.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningWriteWorker } from './write-worker.js';

export interface WorkerHttp {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveWorkerHttp(
  running: Pick<RunningWriteWorker, 'metrics' | 'redisUp'>,
  threads: number,
  address: { port: number; host: string },
): Promise<WorkerHttp> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(response, 405, 'application/json', JSON.stringify({ error: 'GET only' }));
    }
    if (path === '/metrics') {
      void running.metrics.render().then(
        (text) => answer(response, 200, running.metrics.registry.contentType, text),
        (error: unknown) => answer(response, 500, 'text/plain', String(error)),
      );
      return undefined;
    }
    if (path === '/health') {
      void running.redisUp().then((up) => {
        const report = {
          status: up ? 'ok' : 'unavailable',
          checks: { redis: { status: up ? 'up' : 'down' }, writerThreads: { size: threads } },
        };
        answer(response, up ? 200 : 503, 'application/json', JSON.stringify(report));
      });
      return undefined;
    }
    return answer(
      response,
      404,
      'application/json',
      JSON.stringify({ error: 'not found', paths: ['/metrics', '/health'] }),
    );
  });
  await listen(server, address);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${address.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function answer(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, address: { port: number; host: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
