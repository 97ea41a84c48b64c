/**
 * Write benchmark: the real service (`npm start`'s supervisor, its embedded
 * Redis, the gateway and worker processes), fed MOGNO scans over HTTP (the
 * start and during entries, then close). In one run:
 * - close → written latency, p50/p99 of sequential scans, with 1 and with 2
 *   worker processes, in alternating rounds (A B A B);
 * - scans/s for BENCH_BURST_SCANS scans closed at once, 1 and 2 workers,
 *   alternating rounds;
 * - where a file's time goes (the phases each worker logs per file);
 * - the worker's CPU per file against h5py writing a copy of the same file;
 * - BENCH_MEMORY_WRITES writes through one warm writer thread: resident and
 *   WebAssembly memory at the start and the end;
 * - readings that become logs: BENCH_READINGS single readings of 20 fields
 *   against one TimeSeries event holding them all (readings.ts).
 * Run: `npm run bench:write` (BENCH_LATENCY_SCANS, BENCH_BURST_SCANS,
 * BENCH_BURST_ROUNDS, BENCH_MEMORY_WRITES, BENCH_READINGS to change the
 * sizes); `npm run bench:write -- readings` runs the readings part alone.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ServeProcess } from '../../test/helpers/serve-process.js';
import { h5pyCopy, type H5pyCopy } from './h5py-baseline.js';
import { checkMemory } from './memory.js';
import { benchReadings, READINGS, type ReadingsResult } from './readings.js';
import { cpuMs } from '../support/process-cpu.js';
import { BenchScans, inBatches } from './scan-http.js';
import { median, ms, quantile } from '../support/stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LATENCY_SCANS = Number(process.env.BENCH_LATENCY_SCANS ?? '50');
const LATENCY_ROUNDS = 5;
const BURST_SCANS = Number(process.env.BENCH_BURST_SCANS ?? '100');
const BURST_ROUNDS = Number(process.env.BENCH_BURST_ROUNDS ?? '3');
const MEMORY_WRITES = Number(process.env.BENCH_MEMORY_WRITES ?? '5000');
const H5PY_COPIES_PER_ROUND = 10;
const READINGS_ROUNDS = 3;
/** Scans closed at once on each service before measuring, so that every worker's thread is warm. */
const WARM_UP_SCANS = 10;

interface Service {
  label: string;
  workers: number;
  serve: ServeProcess;
  scans: BenchScans;
  workerPids: number[];
}

interface Sequential {
  /** Client: POST close sent → `?wait=30` answered written (the gateway polls every 200 ms). */
  clientMs: number[];
  /** Server: closedAt → writtenAt of the scan's status. */
  serverMs: number[];
  cpuMsPerFile: number[];
  scanIds: string[];
  lastFile: string;
}

async function startService(workers: number): Promise<Service> {
  const serve = await ServeProcess.spawn({ WORKERS: String(workers) });
  await serve.waitFor(/Assonant Gateway listening/, 1, 60_000);
  await serve.waitFor(/"msg":"ready/, workers, 60_000);
  const workerPids = await Promise.all(
    Array.from({ length: workers }, (_, i) => serve.pidOf(`worker ${i + 1}`, 1)),
  );
  return {
    label: `${workers} worker${workers > 1 ? 's' : ''}`,
    workers,
    serve,
    scans: new BenchScans(serve.baseUrl, root),
    workerPids,
  };
}

const workersCpu = (service: Service): number =>
  service.workerPids.reduce((sum, pid) => sum + cpuMs(pid), 0);

const span = (from?: string, to?: string): number => Date.parse(to ?? '') - Date.parse(from ?? '');

/** `count` scans one after another: each prepared, then closed and awaited. */
async function sequential(service: Service, count: number, into: Sequential): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const scanId = await service.scans.prepare(`seq-${service.workers}`);
    const cpuBefore = workersCpu(service);
    const sent = performance.now();
    await service.scans.close(scanId);
    const status = await service.scans.waitWritten(scanId);
    into.clientMs.push(performance.now() - sent);
    into.cpuMsPerFile.push(workersCpu(service) - cpuBefore);
    into.serverMs.push(span(status.closedAt, status.writtenAt));
    into.scanIds.push(scanId);
    into.lastFile = status.file?.path ?? into.lastFile;
  }
}

/** `count` scans prepared, then all closed at once; scans/s from the first close to the last file. */
async function burst(
  service: Service,
  count = BURST_SCANS,
): Promise<{ perS: number; cpuMsPerFile: number }> {
  const ids = await inBatches(
    Array.from({ length: count }, (_, i) => i),
    8,
    () => service.scans.prepare(`burst-${service.workers}`),
  );
  const cpuBefore = workersCpu(service);
  await Promise.all(ids.map((id) => service.scans.close(id)));
  const statuses = await Promise.all(ids.map((id) => service.scans.waitWritten(id)));
  const first = Math.min(...statuses.map((s) => Date.parse(s.closedAt ?? '')));
  const last = Math.max(...statuses.map((s) => Date.parse(s.writtenAt ?? '')));
  return {
    perS: (count * 1000) / (last - first),
    cpuMsPerFile: (workersCpu(service) - cpuBefore) / count,
  };
}

/** The phases each worker logged for the given scans, by phase. */
function phasesOf(output: string, scanIds: string[]): Map<string, number[]> {
  const wanted = new Set(scanIds);
  const phases = new Map<string, number[]>();
  for (const line of output.split('\n')) {
    if (!line.includes('"phases"')) continue;
    const logged = JSON.parse(line) as { scanId?: string; phases?: Record<string, number> };
    if (logged.scanId === undefined || !wanted.has(logged.scanId)) continue;
    for (const [name, value] of Object.entries(logged.phases ?? {})) {
      phases.set(name, [...(phases.get(name) ?? []), value]);
    }
  }
  return phases;
}

const row = (label: string, cells: string[]): string =>
  `${label.padEnd(46)}${cells.map((cell) => cell.padStart(18)).join('')}`;

function readingsLines(result: ReadingsResult, output: string): string[] {
  const list = (values: number[]): string => values.map((value) => ms(value)).join(' ');
  const phases = (scans: string[]): string =>
    [...phasesOf(output, scans)]
      .map(([name, values]) => `${name} ${ms(median(values))}`)
      .join(', ');
  return [
    `readings that become logs: ${READINGS} device events of 20 fields each (one NXlog per field) ` +
      `against one TimeSeries event of the same samples, ${READINGS_ROUNDS} alternating rounds, 1 worker`,
    `  close → written, TimeSeries event (ms): ${list(result.seriesMs)}`,
    `  close → written, single readings (ms):  ${list(result.readingsMs)}`,
    `  readings / TimeSeries, median of the rounds' ratios: ${result.ratio.toFixed(2)}x`,
    `  phases, TimeSeries (median ms): ${phases(result.seriesScans)}`,
    `  phases, single readings (median ms): ${phases(result.readingsScans)}`,
  ];
}

async function readingsOnly(): Promise<void> {
  const service = await startService(1);
  try {
    await burst(service, WARM_UP_SCANS);
    const result = await benchReadings(service.serve.baseUrl, READINGS_ROUNDS);
    process.stdout.write(`\n${readingsLines(result, service.serve.output).join('\n')}\n`);
  } finally {
    await service.serve.stop();
  }
}

async function main(): Promise<void> {
  const services = [await startService(1), await startService(2)];
  const [one, two] = services as [Service, Service];
  const seq = new Map<Service, Sequential>(
    services.map((s) => [
      s,
      { clientMs: [], serverMs: [], cpuMsPerFile: [], scanIds: [], lastFile: '' },
    ]),
  );
  const bursts = new Map<Service, { perS: number; cpuMsPerFile: number }[]>(
    services.map((s) => [s, []]),
  );
  const h5py: H5pyCopy[] = [];
  let readings: ReadingsResult | undefined;
  try {
    for (const service of services) await burst(service, WARM_UP_SCANS);
    // A B A B: the machine is shared and noisy; each round measures both in turn.
    for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
      for (const service of services) {
        const into = seq.get(service);
        if (into !== undefined) await sequential(service, LATENCY_SCANS / LATENCY_ROUNDS, into);
      }
      h5py.push(await h5pyCopy(root, seq.get(one)?.lastFile ?? '', H5PY_COPIES_PER_ROUND));
    }
    for (let round = 0; round < BURST_ROUNDS; round += 1) {
      for (const service of services) bursts.get(service)?.push(await burst(service));
    }
    readings = await benchReadings(one.serve.baseUrl, READINGS_ROUNDS);
  } finally {
    await Promise.all(services.map((s) => s.serve.stop()));
  }
  const memory = await checkMemory(root, MEMORY_WRITES);

  const lines: string[] = [];
  const oneSeq = seq.get(one);
  const twoSeq = seq.get(two);
  if (oneSeq === undefined || twoSeq === undefined) throw new Error('no measurements');
  lines.push(
    `write benchmark: MOGNO CT scans (start + during entries) over HTTP, npm start's service; ` +
      `${LATENCY_SCANS} sequential scans per service in ${LATENCY_ROUNDS} alternating rounds, ` +
      `${BURST_ROUNDS} bursts of ${BURST_SCANS}`,
    '',
    row('', [one.label, two.label]),
    row(
      'close → written, server p50 / p99 (ms)',
      [oneSeq, twoSeq].map(
        (s) => `${ms(quantile(s.serverMs, 0.5))} / ${ms(quantile(s.serverMs, 0.99))}`,
      ),
    ),
    row(
      'close → ?wait=30 answered, p50 / p99 (ms)',
      [oneSeq, twoSeq].map(
        (s) => `${ms(quantile(s.clientMs, 0.5))} / ${ms(quantile(s.clientMs, 0.99))}`,
      ),
    ),
    row(
      `${BURST_SCANS} closed at once, scans/s (median)`,
      services.map((s) => median((bursts.get(s) ?? []).map((b) => b.perS)).toFixed(1)),
    ),
    row(
      `${BURST_SCANS} closed at once, scans/s (each round)`,
      services.map((s) => (bursts.get(s) ?? []).map((b) => b.perS.toFixed(1)).join(' ')),
    ),
    row(
      'worker CPU per file, sequential (ms, median)',
      [oneSeq, twoSeq].map((s) => ms(median(s.cpuMsPerFile))),
    ),
    row(
      'worker CPU per file, in bursts (ms, median)',
      services.map((s) => ms(median((bursts.get(s) ?? []).map((b) => b.cpuMsPerFile)))),
    ),
    '',
    "where a file's time goes, sequential, 1 worker (median ms; p99 in brackets):",
  );
  const phases = phasesOf(one.serve.output, oneSeq.scanIds);
  for (const [name, values] of phases) {
    lines.push(
      `  ${name.padEnd(10)}${ms(median(values)).padStart(8)}  (${ms(quantile(values, 0.99))})`,
    );
  }
  const h5pyWall = median(h5py.map((h) => h.wall_ms));
  const h5pyCpu = median(h5py.map((h) => h.cpu_ms));
  const ourCpu = median(oneSeq.cpuMsPerFile);
  const ourWrite = median(phases.get('write') ?? []);
  const [first] = h5py;
  lines.push(
    '',
    `native baseline: h5py ${first?.h5py ?? '?'} (HDF5 ${first?.hdf5 ?? '?'}) writes a copy of one of our files ` +
      `(${first?.objects ?? '?'} groups and datasets), ${h5py.length * H5PY_COPIES_PER_ROUND} copies in ${h5py.length} rounds`,
    `  h5py per copy: wall ${ms(h5pyWall)} ms, CPU ${ms(h5pyCpu)} ms`,
    `  ours, HDF5 writing the tree (write phase): ${ms(ourWrite)} ms = ${(ourWrite / h5pyWall).toFixed(1)}x h5py's wall`,
    `  ours, worker process CPU per file (load, build, write, fsync, digest, validate, record): ` +
      `${ms(ourCpu)} ms = ${(ourCpu / h5pyCpu).toFixed(1)}x h5py's CPU`,
    '',
    `memory, ${memory.writes} writes through one warm writer thread (after ${memory.warmUp} to warm up):`,
    `  resident set: ${memory.start.rssMiB} MiB → ${memory.end.rssMiB} MiB; ` +
      `WebAssembly memory: ${memory.start.wasmMiB} MiB → ${memory.end.wasmMiB} MiB; ` +
      `files open at the end: ${memory.openFilesAtEnd}; thread replaced: ${memory.threadReplaced ? 'yes' : 'no'}`,
    '',
    ...(readings === undefined ? [] : readingsLines(readings, one.serve.output)),
  );
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

await (process.argv.includes('readings') ? readingsOnly() : main());
