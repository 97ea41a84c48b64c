/**
 * The upload baseline: a bare Node HTTP server that does the least an upload
 * must, each body streamed to a file of its own and fsynced before the 201.
 * Prints its port. Usage: node baseline-sink.js DIR
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2] ?? '.';
const server = createServer((request, response) => {
  const file = path.join(dir, `${randomUUID()}.bin`);
  void (async () => {
    await pipeline(request, createWriteStream(file));
    const handle = await open(file, 'r');
    await handle.sync();
    await handle.close();
    response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  })().catch((error: unknown) => response.writeHead(500).end(String(error)));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address !== null ? address.port : 0}\n`);
});
