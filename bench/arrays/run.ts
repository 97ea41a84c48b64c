/**
 * Arrays benchmark, for BENCH_FRAMES uint16 frames of 2048×2048 (128: 1 GiB).
 * In one run, on the same disk:
 * - upload throughput over HTTP on loopback: the frames POSTed to the real
 *   service (`npm start`'s supervisor, embedded Redis, gateway and worker) as
 *   one frame stream, 4 at a time, beside the same client against a bare
 *   Node server that only streams each body to a file and fsyncs it;
 * - the writer (writeNexusFile, in a process of its own for its peak RSS)
 *   writing the stack from the spool, uncompressed and with each compressor,
 *   beside h5py writing the same frames with the same chunks and filter, and
 *   `dd oflag=direct` of the same bytes as the disk's bound.
 * Every comparison alternates its rounds (A B A B; the three writers start
 * each round in turn), each run after `sync` and a pause, and reports the
 * median ratio. Run: `npm run bench:arrays` (BENCH_FRAMES, BENCH_ROUNDS to change).
 */
import { execFile, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ServeProcess } from '../../test/helpers/serve-process.js';
import { inBatches } from '../write/scan-http.js';
import { median } from '../support/stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const here = path.dirname(fileURLToPath(import.meta.url));
const FRAMES = Number(process.env.BENCH_FRAMES ?? '128');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '3');
const Y = 2048;
const X = 2048;
const FRAME_BYTES = Y * X * 2;
const TOTAL_MB = (FRAMES * FRAME_BYTES) / 1e6;
const UPLOADS_AT_ONCE = 4;
const SETTLE_MS = 2000;
const COMPRESSORS = ['gzip:4', 'bslz4', 'lz4', 'zstd:3'];
/** Debian's HDF5 has no Zstd plugin, so h5py cannot write it here. */
const H5PY_CANNOT = new Set(['zstd:3']);
const run = promisify(execFile);
const work = path.join(root, 'var/bench-arrays');
const stack = path.join(work, 'stack.bin');

interface WriterRun {
  wallMs: number;
  writeMs: number;
  fsyncMs: number;
  size: number;
  maxRssMiB: number;
  wasmHeapMiB: number;
}

const mbps = (ms: number): number => TOTAL_MB / (ms / 1000);
const fixed = (n: number): string => n.toFixed(n >= 100 ? 0 : 1);

/** Detector-like frames: Poisson counts around 100, reproducible. */
async function makeStack(): Promise<void> {
  const script = `
import sys, numpy as np
rng = np.random.default_rng(1)
with open(sys.argv[1], 'wb') as f:
    for k in range(${FRAMES}):
        f.write(rng.poisson(100, size=(${Y}, ${X})).astype('<u2').tobytes())`;
  await run('/usr/bin/python3', ['-c', script, stack]);
}

/** POSTs every frame (a slice of the stack) to `url(k)`, 4 at a time; wall ms. */
async function uploadAll(
  url: (k: number) => string,
  headers: Record<string, string>,
): Promise<number> {
  const started = performance.now();
  await inBatches([...Array(FRAMES).keys()], UPLOADS_AT_ONCE, (k) => post(url(k), k, headers));
  return performance.now() - started;
}

function post(url: string, k: number, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(FRAME_BYTES) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          response.statusCode === 201
            ? resolve()
            : reject(new Error(`${url}: ${response.statusCode ?? 0} ${text}`)),
        );
      },
    );
    call.on('error', reject);
    createReadStream(stack, { start: k * FRAME_BYTES, end: (k + 1) * FRAME_BYTES - 1 }).pipe(call);
  });
}

async function startSink(dir: string): Promise<{ port: number; stop: () => void }> {
  await mkdir(dir, { recursive: true });
  const child = spawn(process.execPath, [path.join(here, 'baseline-sink.js'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  return { port, stop: () => child.kill() };
}

async function uploads(): Promise<{ gateway: number[]; sink: number[] }> {
  const spool = path.join(work, 'spool');
  const serve = await ServeProcess.spawn({
    ARRAY_SPOOL_DIR: spool,
    ARRAY_LIMIT_BYTES: String(FRAME_BYTES * 2),
  });
  await serve.waitFor(/Assonant Gateway listening/, 1, 60_000);
  const sink = await startSink(path.join(work, 'sink'));
  const result = { gateway: [] as number[], sink: [] as number[] };
  const raw = { 'content-type': 'application/octet-stream' };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const scanId = `upload-${round}`;
      const opened = await fetch(`${serve.baseUrl}/v1/scans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scanId, beamline: 'MOGNO', proposal: 'bench', technique: 'CT' }),
      });
      if (opened.status !== 201) throw new Error(`open: ${opened.status}`);
      result.gateway.push(
        await uploadAll((k) => `${serve.baseUrl}/v1/scans/${scanId}/arrays?stream=det&index=${k}`, {
          ...raw,
          'x-array-dtype': 'uint16',
          'x-array-shape': `${Y},${X}`,
        }),
      );
      await fetch(`${serve.baseUrl}/v1/scans/${scanId}`, { method: 'DELETE' });
      result.sink.push(await uploadAll(() => `http://127.0.0.1:${sink.port}/`, raw));
      await rm(path.join(work, 'sink'), { recursive: true, force: true });
      await mkdir(path.join(work, 'sink'), { recursive: true });
    }
  } finally {
    sink.stop();
    await serve.stop();
  }
  return result;
}

/** Runs one writer (`command script`) on the stack into `out`; what it printed, as JSON. */
async function writeOnce<T>(
  command: string,
  script: string,
  out: string,
  compression: string,
): Promise<T> {
  const args = [script, stack, String(FRAMES), String(Y), String(X), out, compression];
  const { stdout } = await run(command, args, { maxBuffer: 1 << 20 });
  await rm(out, { force: true });
  return JSON.parse(stdout) as T;
}

const writer = (compression: string): Promise<WriterRun> =>
  writeOnce(
    process.execPath,
    path.join(here, 'write-spooled.js'),
    path.join(work, 'writer.nxs'),
    compression,
  );

const h5py = (compression: string): Promise<{ wallMs: number; size: number }> =>
  writeOnce(
    '/usr/bin/python3',
    path.join(root, 'bench/arrays/h5py_write.py'),
    path.join(work, 'h5py.h5'),
    compression,
  );

/** `dd` of the stack to the same disk, bypassing the page cache: the disk's bound. */
async function dd(): Promise<number> {
  const out = path.join(work, 'dd.bin');
  const started = performance.now();
  await run('dd', [`if=${stack}`, `of=${out}`, 'bs=64M', 'oflag=direct', 'conv=fsync']);
  const wall = performance.now() - started;
  await rm(out, { force: true });
  return wall;
}

/**
 * Runs `measure` once the disk has written back what came before (`sync`,
 * then a pause): on this machine a write that starts while the last file's
 * pages are being flushed or freed is several times slower, whoever makes it.
 */
async function settled<T>(measure: () => Promise<T>): Promise<T> {
  await run('sync');
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return measure();
}

async function main(): Promise<void> {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  process.stdout.write(
    `arrays bench: ${FRAMES} frames of ${Y}×${X} uint16 (${fixed(TOTAL_MB)} MB), ${ROUNDS} rounds\n`,
  );
  await makeStack();

  const up = await uploads();
  const upRatios = up.gateway.map((ms, i) => (up.sink[i] ?? NaN) / ms);
  process.stdout.write(
    `upload, ${UPLOADS_AT_ONCE} at a time: gateway ${fixed(median(up.gateway.map(mbps)))} MB/s ` +
      `(${up.gateway.map((ms) => fixed(mbps(ms))).join(', ')}), bare sink ${fixed(median(up.sink.map(mbps)))} MB/s; ` +
      `gateway/sink median ${(median(upRatios) * 100).toFixed(0)}%\n`,
  );

  const rounds = { dd: [] as number[], h5py: [] as number[], writer: [] as WriterRun[] };
  const steps = [
    async () => void rounds.dd.push(await settled(dd)),
    async () => void rounds.writer.push(await settled(() => writer('none'))),
    async () => void rounds.h5py.push((await settled(() => h5py('none'))).wallMs),
  ];
  // Each round starts with another of the three, so none always follows the same one.
  for (let round = 0; round < ROUNDS; round++) {
    for (let step = 0; step < steps.length; step++) await steps[(round + step) % steps.length]?.();
  }
  const writerMs = rounds.writer.map((w) => w.writeMs + w.fsyncMs);
  const vsH5py = writerMs.map((ms, i) => (rounds.h5py[i] ?? NaN) / ms);
  const vsDd = writerMs.map((ms, i) => (rounds.dd[i] ?? NaN) / ms);
  process.stdout.write(
    `uncompressed: writer ${fixed(median(writerMs.map(mbps)))} MB/s (write+fsync; ${writerMs.map((ms) => fixed(mbps(ms))).join(', ')}), ` +
      `h5py ${fixed(median(rounds.h5py.map(mbps)))} MB/s, dd oflag=direct ${fixed(median(rounds.dd.map(mbps)))} MB/s; ` +
      `writer/h5py median ${(median(vsH5py) * 100).toFixed(0)}%, writer/dd median ${(median(vsDd) * 100).toFixed(0)}%\n`,
  );
  const peaks = [...rounds.writer];

  for (const compression of COMPRESSORS) {
    const ours = await settled(() => writer(compression));
    peaks.push(ours);
    const oursMs = ours.writeMs + ours.fsyncMs;
    const line = `${compression}: writer ${fixed(mbps(oursMs))} MB/s, file ${fixed(ours.size / 1e6)} MB`;
    if (H5PY_CANNOT.has(compression)) {
      process.stdout.write(`${line}; h5py: no ${compression} filter in Debian's HDF5\n`);
      continue;
    }
    const theirs = await settled(() => h5py(compression));
    process.stdout.write(
      `${line}; h5py ${fixed(mbps(theirs.wallMs))} MB/s, file ${fixed(theirs.size / 1e6)} MB; ` +
        `writer/h5py ${((theirs.wallMs / oursMs) * 100).toFixed(0)}%\n`,
    );
  }
  process.stdout.write(
    `writer process peak RSS ${fixed(Math.max(...peaks.map((p) => p.maxRssMiB)))} MiB, ` +
      `WebAssembly heap at most ${fixed(Math.max(...peaks.map((p) => p.wasmHeapMiB)))} MiB\n`,
  );
  await rm(work, { recursive: true, force: true });
}

await main();
