/**
 * Accepted means in the file, under faults. A gateway, three workers and a
 * redis-server run as real processes; while scans are fed (every event sent
 * twice, some by two clients at once) Redis is killed and restarted, the
 * gateway is restarted, and every worker is SIGKILLed in the middle of a write.
 * At the end every accepted event is in its scan's file, every file opens,
 * each scan has one file, and no temporary file is left.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EmbeddedRedis, freePort } from '#libs/embedded-redis/src/embedded-redis.js';
import { readWithH5py } from '#libs/testing/src/h5py.js';
import { sensorEvent } from './support/sensor-event.js';
import { newTally, postUntilAccepted, type ClientTally } from './support/persistent-client.js';
import { gatewayProcess, workerProcess, type ServiceProcess } from './support/service-processes.js';

const SCANS = 8;
const EVENTS_PER_SCAN = 24;
/** Samples in each scan's large trace: it makes writes long enough to be killed in. */
const TRACE_LENGTH = 600_000;
const WORKERS = 3;
const PROPOSAL = 'faults';

interface FaultCounts {
  redisRestarts: number;
  gatewayRestarts: number;
  workerKills: number;
  /** Most temporary files of one scan seen at once: more than 1 would be two writers. */
  maxWritersPerScan: number;
}

function traceEvent(scan: number): string {
  const samples = Array.from({ length: TRACE_LENGTH }, (_, i) => (i % 1000) + 0.25);
  return JSON.stringify({
    stage: 'sample_acquisition',
    moment: 'during',
    eventId: `s${scan}-trace`,
    device: {
      class: 'Detector',
      name: 'trace',
      fields: { samples: { value: samples, unit: 'counts' } },
    },
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe('ingest under faults', () => {
  let redis: EmbeddedRedis;
  let gateway: ServiceProcess;
  let workers: ServiceProcess[];
  let env: NodeJS.ProcessEnv;
  let base: string;
  let dataRoot: string;

  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assonant-faults-'));
    dataRoot = path.join(dir, 'data');
    redis = await EmbeddedRedis.start({ dir: path.join(dir, 'redis'), port: 0 });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      REDIS_URL: redis.url,
      PORT: String(port),
      DATA_ROOT: dataRoot,
      QUEUE_PREFIX: 'faults',
      LOG_LEVEL: 'warn',
      WRITE_ATTEMPTS: '20',
      WRITE_LOCK_MS: '3000',
      BODY_LIMIT_BYTES: String(32 * 1024 * 1024),
    };
    gateway = gatewayProcess(env);
    await gateway.start();
    workers = Array.from({ length: WORKERS }, () => workerProcess(env));
    await Promise.all(workers.map((w) => w.start()));
  });

  after(async () => {
    await Promise.all([gateway.stop(), ...workers.map((w) => w.stop())]);
    await redis.stop();
  });

  it('loses no accepted event', async () => {
    const tally: ClientTally = newTally();
    const faults: FaultCounts = {
      redisRestarts: 0,
      gatewayRestarts: 0,
      workerKills: 0,
      maxWritersPerScan: 0,
    };
    const accepted = new Map<number, Set<number>>();
    let closing = false;
    let finished = false;

    // Kills every worker whenever a write is under way (a temporary file
    // exists), twice, then restarts them; and watches for two writers of one scan.
    const workerKiller = (async () => {
      while (!finished) {
        const temporaries = (await filesUnder(dataRoot)).filter((f) => f.endsWith('.tmp'));
        const perScan = new Map<string, number>();
        for (const file of temporaries) {
          const scan = path.basename(file).split('.nxs.')[0] ?? file;
          perScan.set(scan, (perScan.get(scan) ?? 0) + 1);
        }
        faults.maxWritersPerScan = Math.max(faults.maxWritersPerScan, ...perScan.values(), 0);
        if (closing && temporaries.length > 0 && faults.workerKills < 2 * WORKERS) {
          await Promise.all(workers.map((w) => w.stop('SIGKILL')));
          faults.workerKills += WORKERS;
          workers = Array.from({ length: WORKERS }, () => workerProcess(env));
          await Promise.all(workers.map((w) => w.start()));
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    // Redis and the gateway go away while events are being sent.
    const infrastructureFaults = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await redis.kill();
      await new Promise((resolve) => setTimeout(resolve, 800));
      await redis.launch();
      faults.redisRestarts += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await gateway.stop('SIGTERM');
      gateway = gatewayProcess(env);
      await gateway.start();
      faults.gatewayRestarts += 1;
    })();

    const scanIds = Array.from({ length: SCANS }, (_, i) => `fault-${i}`);
    for (const [i, scanId] of scanIds.entries()) {
      const body = JSON.stringify({
        scanId,
        beamline: 'MOGNO',
        proposal: PROPOSAL,
        technique: 'CT',
      });
      await postUntilAccepted(`${base}/v1/scans`, body, tally);
      accepted.set(i, new Set());
    }

    // Each event twice: by two clients at once for every third, else one after the other.
    const sendEvent = async (scan: number, event: number): Promise<void> => {
      const url = `${base}/v1/scans/${scanIds[scan] ?? ''}/devices`;
      const body = event < 0 ? traceEvent(scan) : sensorEvent(scan, event);
      const send = (): Promise<unknown> => postUntilAccepted(url, body, tally);
      if (event % 3 === 0) await Promise.all([send(), send()]);
      else {
        await send();
        await send();
      }
      if (event >= 0) accepted.get(scan)?.add(event);
    };
    const jobs: [number, number][] = [];
    for (let scan = 0; scan < SCANS; scan += 1) {
      jobs.push([scan, -1]);
      for (let event = 0; event < EVENTS_PER_SCAN; event += 1) jobs.push([scan, event]);
    }
    const lanes = Array.from({ length: 6 }, async (_, lane) => {
      for (let j = lane; j < jobs.length; j += 6) {
        const [scan, event] = jobs[j] ?? [0, 0];
        await sendEvent(scan, event);
      }
    });
    await Promise.all(lanes);
    await infrastructureFaults;

    closing = true;
    for (const scanId of scanIds)
      await postUntilAccepted(`${base}/v1/scans/${scanId}/close`, '', tally);

    const written = new Map<string, string>();
    const deadline = Date.now() + 240_000;
    while (written.size < SCANS) {
      assert.ok(Date.now() < deadline, `written ${written.size} of ${SCANS} scans in time`);
      for (const scanId of scanIds) {
        if (written.has(scanId)) continue;
        const response = await fetch(`${base}/v1/scans/${scanId}`).catch(() => undefined);
        if (response?.status !== 200) continue;
        const status = (await response.json()) as {
          status: string;
          file?: { path: string };
          error?: string;
        };
        assert.notEqual(status.status, 'failed', `${scanId} failed: ${status.error ?? ''}`);
        if (status.status === 'written' && status.file !== undefined)
          written.set(scanId, status.file.path);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    finished = true;
    await workerKiller;

    let inFiles = 0;
    let acceptedCount = 0;
    for (const [i, scanId] of scanIds.entries()) {
      const listing = await readWithH5py(written.get(scanId) ?? '');
      const instrument = '/sample_acquisition_during/instrument/';
      const devices = Object.keys(listing)
        .filter((p) => p.startsWith(`${instrument}dev_`) && p.split('/').length === 4)
        .map((p) => Number(p.slice(`${instrument}dev_`.length)))
        .sort((a, b) => a - b);
      const expected = [...(accepted.get(i) ?? [])].sort((a, b) => a - b);
      assert.deepEqual(
        devices,
        expected,
        `${scanId}: the accepted events are the events in the file`,
      );
      for (const event of devices) {
        assert.deepEqual(listing[`${instrument}dev_${event}/reading`]?.value, [event + 0.5]);
      }
      assert.deepEqual(listing[`${instrument}trace/samples`]?.shape, [TRACE_LENGTH]);
      inFiles += devices.length + 1;
      acceptedCount += expected.length + 1;
    }

    const all = await filesUnder(dataRoot);
    const temporaries = all.filter((f) => f.endsWith('.tmp'));
    const scanFiles = all
      .filter((f) => f.endsWith('.nxs'))
      .map((f) => path.relative(dataRoot, f))
      .sort();
    assert.deepEqual(temporaries, [], 'no temporary file is left');
    assert.deepEqual(
      scanFiles,
      scanIds.map((id) => path.join('MOGNO', PROPOSAL, `${id}.nxs`)).sort(),
      'exactly one file per scan',
    );
    assert.ok(faults.workerKills >= WORKERS, 'workers were killed in the middle of writes');
    assert.equal(faults.maxWritersPerScan, 1, 'never two writers of one scan at once');

    const sent = SCANS * (EVENTS_PER_SCAN + 1);
    process.stdout.write(
      `faults: scans ${SCANS}, events sent ${sent} (each twice), accepted ${acceptedCount}, ` +
        `in files ${inFiles}, lost ${acceptedCount - inFiles}; requests ${tally.requests}, ` +
        `answered 503 ${tally.unavailable503}, 429 ${tally.throttled429}, connection errors ${tally.connectionErrors}; ` +
        `redis restarts ${faults.redisRestarts}, gateway restarts ${faults.gatewayRestarts}, ` +
        `workers killed mid-write ${faults.workerKills}, most writers of one scan at once ${faults.maxWritersPerScan}\n`,
    );
    assert.equal(acceptedCount, sent);
    assert.equal(inFiles, acceptedCount);
  });
});
