/**
 * The baseline of the ingest benchmark: a bare Node http server that parses
 * the same JSON and stores it in the same Redis (XADD, auto-pipelining off),
 * the least any ingest server has to do.
 */
import { createServer } from 'node:http';
import { Redis } from 'ioredis';

const [redisUrl, portText] = process.argv.slice(2);
if (redisUrl === undefined || portText === undefined) {
  throw new Error('usage: baseline-server REDIS_URL PORT');
}
const redis = new Redis(redisUrl, { enableAutoPipelining: false });

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const kind = typeof body === 'object' && body !== null && 'device' in body ? 'device' : 'entry';
    redis.xadd('bench:baseline', '*', 'kind', kind, 'body', text).then(
      () => response.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}'),
      () => response.writeHead(503).end(),
    );
  });
});
server.listen(Number(portText), '127.0.0.1', () => process.send?.('listening'));
