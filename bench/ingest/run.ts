/**
 * Ingest benchmark: accepted events/s and p50/p99 latency at 64 connections,
 * for a device event (~0.8 KB) and the MOGNO start entry (~7 KB), against the
 * gateway and against a bare baseline server measured in the same run on the
 * same Redis. Run: `npm run bench:ingest` (BENCH_SECONDS to change the length;
 * BENCH_FSYNC=always to measure with the embedded default's fsync per write,
 * where the disk, not the server, sets the pace).
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedRedis, freePort } from '#libs/embedded-redis/src/embedded-redis.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seconds = Number(process.env.BENCH_SECONDS ?? '10');
const CONNECTIONS = 64;
const fsync = process.env.BENCH_FSYNC === 'always' ? 'always' : 'everysec';

const fixture = (name: string): string =>
  readFileSync(path.join(root, 'test/fixtures/assonant', `${name}.json`), 'utf8');

const deviceBody = (n: number): string =>
  `{"stage":"sample_acquisition","moment":"during","eventId":"bench-${n}","device":${fixture('device-snapshot-monochromator')}}`;
const entryText = fixture('mogno-tomography-start');

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, kind: 'device' | 'entry'): Promise<Measured> {
  let n = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          // Every request is a new event, so the gateway stores each one.
          return kind === 'device'
            ? { ...request, body: deviceBody(n) }
            : {
                ...request,
                body: entryText,
                headers: { ...request.headers, 'idempotency-key': `bench-entry-${n}` },
              };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function start(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, 'dist', script), args, { env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', () => resolve(child));
  });
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${url} did not answer`);
}

async function main(): Promise<void> {
  const redisDir = path.join(root, 'var/bench/redis');
  // Each run starts from an empty Redis: an old append-only file would slow its start.
  await rm(redisDir, { recursive: true, force: true });
  const redis = await EmbeddedRedis.start({
    dir: redisDir,
    port: 0,
    appendfsync: fsync,
  });
  const children: ChildProcess[] = [];
  try {
    const baselinePort = await freePort();
    children.push(
      await start(
        'bench/ingest/baseline-server.js',
        [redis.url, String(baselinePort)],
        process.env,
      ),
    );
    const gatewayPort = await freePort();
    const gateway = fork(path.join(root, 'dist/apps/gateway/src/main.js'), [], {
      env: {
        ...process.env,
        REDIS_URL: redis.url,
        PORT: String(gatewayPort),
        QUEUE_PREFIX: `bench${Date.now()}`,
        LOG_LEVEL: 'warn',
        DATA_ROOT: path.join(root, 'var/bench/data'),
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(gateway);
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    await waitForHttp(`${gatewayUrl}/health`);
    const opened = await fetch(`${gatewayUrl}/v1/scans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ beamline: 'MOGNO', proposal: 'bench', technique: 'CT' }),
    });
    const { scanId } = (await opened.json()) as { scanId: string };

    const rows: string[] = [];
    for (const kind of ['device', 'entry'] as const) {
      const route = kind === 'device' ? 'devices' : 'entries';
      const bytes = Buffer.byteLength(kind === 'device' ? deviceBody(1) : entryText);
      const baseline = await load(`http://127.0.0.1:${baselinePort}/`, kind);
      const ours = await load(`${gatewayUrl}/v1/scans/${scanId}/${route}`, kind);
      const ratio = ((100 * ours.rps) / baseline.rps).toFixed(0);
      for (const [name, m] of [
        ['baseline', baseline],
        ['gateway', ours],
      ] as const) {
        rows.push(
          `${kind.padEnd(7)} ${String(bytes).padStart(6)} B  ${name.padEnd(9)} ` +
            `${m.rps.toFixed(0).padStart(7)} req/s  p50 ${String(m.p50).padStart(4)} ms  ` +
            `p99 ${String(m.p99).padStart(4)} ms  non-2xx ${m.non2xx}  errors ${m.errors}`,
        );
      }
      rows.push(`${kind.padEnd(7)} gateway / baseline = ${ratio}%`);
    }
    process.stdout.write(
      `\ningest benchmark: ${CONNECTIONS} connections, ${seconds} s per run, appendfsync ${fsync}\n${rows.join('\n')}\n`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await redis.stop();
  }
}

await main();
