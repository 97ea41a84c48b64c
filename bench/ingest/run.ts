/**
 * Ingest benchmark: accepted events/s and p50/p99 latency at 64 connections,
 * for a device event (~0.8 KB) and the MOGNO start entry (~7 KB), against the
 * gateway and against a bare baseline server measured in the same run on the
 * same Redis, emptied before every round. The machine is shared, so rounds
 * alternate (baseline, gateway, baseline, gateway, ...) and the figure is the
 * median of the pairs' ratios. Redis's CPU per request is shown beside each
 * server's: on two cores it competes with the server and the load generator.
 * Run: `npm run bench:ingest` (BENCH_SECONDS per round, default 5;
 * BENCH_ROUNDS pairs, default 3; BENCH_FSYNC=always to measure with the
 * embedded default's fsync per write, where the disk, not the server, sets
 * the pace; BENCH_KINDS=entry to run one body; BENCH_PROFILE=1 to run the
 * gateway under the CPU profiler and print where its time went).
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMs } from '../support/process-cpu.js';
import { median } from '../support/stats.js';
import { Redis } from 'ioredis';
import { EmbeddedRedis, freePort } from '#libs/embedded-redis/src/embedded-redis.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seconds = Number(process.env.BENCH_SECONDS ?? '5');
const rounds = Number(process.env.BENCH_ROUNDS ?? '3');
const kinds = (process.env.BENCH_KINDS ?? 'device,entry')
  .split(',')
  .filter((kind): kind is 'device' | 'entry' => kind === 'device' || kind === 'entry');
const profile = process.env.BENCH_PROFILE === '1';
const CONNECTIONS = 64;
const fsync = process.env.BENCH_FSYNC === 'always' ? 'always' : 'everysec';

const fixture = (name: string): string =>
  readFileSync(path.join(root, 'test/fixtures/assonant', `${name}.json`), 'utf8');

const deviceBody = (n: number): string =>
  `{"stage":"sample_acquisition","moment":"during","eventId":"bench-${n}","device":${fixture('device-snapshot-monochromator')}}`;
const entryText = fixture('mogno-tomography-start');

interface Measured {
  /** The server's CPU time per answered request, µs: steadier than req/s on a shared machine. */
  cpuPerRequest: number;
  /** Redis's CPU time per answered request, µs: the machine's two cores are shared with it. */
  redisCpuPerRequest: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Empties Redis before a round, so that neither side pays for the events of
 * the rounds before (hundreds of MB, and the append-only file's rewrites).
 */
async function emptyRedis(client: Redis): Promise<void> {
  await client.flushall('SYNC');
  while (/aof_rewrite_in_progress:1/.test(await client.info('persistence'))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function load(
  url: string,
  kind: 'device' | 'entry',
  server: ChildProcess,
  redisPid: number,
): Promise<Measured> {
  const cpuBefore = cpuMs(server.pid ?? 0);
  const redisCpuBefore = cpuMs(redisPid);
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
  const answered = result.requests.total;
  return {
    cpuPerRequest: ((cpuMs(server.pid ?? 0) - cpuBefore) * 1000) / Math.max(answered, 1),
    redisCpuPerRequest: ((cpuMs(redisPid) - redisCpuBefore) * 1000) / Math.max(answered, 1),
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

async function openScan(gatewayUrl: string): Promise<string> {
  const opened = await fetch(`${gatewayUrl}/v1/scans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ beamline: 'MOGNO', proposal: 'bench', technique: 'CT' }),
  });
  if (!opened.ok) throw new Error(`opening a scan answered ${opened.status}`);
  return ((await opened.json()) as { scanId: string }).scanId;
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
  const client = new Redis(redis.url);
  const redisPid = redis.pid ?? 0;
  try {
    const baselinePort = await freePort();
    const baselineServer = await start(
      'bench/ingest/baseline-server.js',
      [redis.url, String(baselinePort)],
      process.env,
    );
    children.push(baselineServer);
    const gatewayPort = await freePort();
    const profileFile = path.join(root, 'var/bench/gateway.cpuprofile');
    const gatewayScript = profile ? 'bench/ingest/profiled-gateway.js' : 'apps/gateway/src/main.js';
    const gateway = fork(path.join(root, 'dist', gatewayScript), profile ? [profileFile] : [], {
      env: {
        ...process.env,
        REDIS_URL: redis.url,
        PORT: String(gatewayPort),
        QUEUE_PREFIX: `bench${Date.now()}`,
        LOG_LEVEL: 'warn',
        DATA_ROOT: path.join(root, 'var/bench/data'),
        // Every request stores a new event: the budgets must not be what is measured.
        STAGING_LIMIT_BYTES: String(64 * 1024 ** 3),
        STAGING_LIMIT_PER_BEAMLINE_BYTES: String(64 * 1024 ** 3),
      },
      // The profiled gateway prints its summary on stdout when it stops.
      stdio: ['ignore', profile ? 'inherit' : 'ignore', 'inherit', 'ipc'],
    });
    children.push(gateway);
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    await waitForHttp(`${gatewayUrl}/health`);
    const rows: string[] = [];
    for (const kind of kinds) {
      const route = kind === 'device' ? 'devices' : 'entries';
      const bytes = Buffer.byteLength(kind === 'device' ? deviceBody(1) : entryText);
      const ratios: number[] = [];
      const cpuRatios: number[] = [];
      for (let round = 1; round <= rounds; round += 1) {
        await emptyRedis(client);
        const baseline = await load(
          `http://127.0.0.1:${baselinePort}/`,
          kind,
          baselineServer,
          redisPid,
        );
        await emptyRedis(client);
        const scanId = await openScan(gatewayUrl);
        const ours = await load(
          `${gatewayUrl}/v1/scans/${scanId}/${route}`,
          kind,
          gateway,
          redisPid,
        );
        ratios.push(ours.rps / baseline.rps);
        cpuRatios.push(ours.cpuPerRequest / baseline.cpuPerRequest);
        for (const [name, m] of [
          ['baseline', baseline],
          ['gateway', ours],
        ] as const) {
          rows.push(
            `${kind.padEnd(7)} ${String(bytes).padStart(6)} B  round ${round}  ${name.padEnd(9)} ` +
              `${m.rps.toFixed(0).padStart(7)} req/s  p50 ${String(m.p50).padStart(4)} ms  ` +
              `p99 ${String(m.p99).padStart(4)} ms  CPU ${m.cpuPerRequest.toFixed(0).padStart(4)} µs/req  ` +
              `Redis CPU ${m.redisCpuPerRequest.toFixed(0).padStart(3)} µs/req  ` +
              `non-2xx ${m.non2xx}  errors ${m.errors}`,
          );
        }
      }
      const percent = (ratio: number): string => `${(100 * ratio).toFixed(0)}%`;
      rows.push(
        `${kind.padEnd(7)} gateway / baseline: median ${percent(median(ratios))} ` +
          `of ${rounds} pairs (${ratios.map(percent).join(', ')}); CPU per request ` +
          `${median(cpuRatios).toFixed(2)}× the baseline's`,
      );
    }
    process.stdout.write(
      `\ningest benchmark: ${CONNECTIONS} connections, ${seconds} s per round, ` +
        `${rounds} alternating pairs, appendfsync ${fsync}\n${rows.join('\n')}\n`,
    );
    if (profile) {
      const written = new Promise((resolve) => gateway.once('message', resolve));
      gateway.send('stop-profile');
      await written;
    }
  } finally {
    client.disconnect();
    for (const child of children) child.kill('SIGTERM');
    await redis.stop();
  }
}

await main();
