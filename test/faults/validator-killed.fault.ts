/**
 * A validator process SIGKILLed in the middle of a file: that upload gets a
 * clear problem answer, the next one is validated by a fresh process, and the
 * gateway itself never restarts.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EmbeddedRedis, freePort } from '#libs/embedded-redis/src/embedded-redis.js';
import {
  makeHostileFiles,
  validatorProcesses,
  type HostileFile,
} from '../helpers/hostile-files.js';
import { gatewayProcess, type ServiceProcess } from './support/service-processes.js';

describe('a validator process killed mid-file', () => {
  let redis: EmbeddedRedis;
  let gateway: ServiceProcess;
  let base: string;
  let spoolDir: string;
  let cases: HostileFile[];

  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assonant-validator-kill-'));
    spoolDir = path.join(dir, 'spool');
    redis = await EmbeddedRedis.start({ dir: path.join(dir, 'redis'), port: 0 });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = gatewayProcess({
      REDIS_URL: redis.url,
      PORT: String(port),
      DATA_ROOT: path.join(dir, 'data'),
      SPOOL_DIR: spoolDir,
      QUEUE_PREFIX: 'validator-kill',
      LOG_LEVEL: 'warn',
      VALIDATE_PROCESSES: '1',
    });
    await gateway.start();
    await mkdir(path.join(dir, 'files'));
    cases = await makeHostileFiles(path.join(dir, 'files'), path.join(dir, 'secret.nxs'), 'x');
  });

  after(async () => {
    await gateway.stop();
    await redis.stop();
  });

  const upload = async (name: string): Promise<Response> => {
    const found = cases.find((c) => c.name === name);
    assert.ok(found !== undefined, name);
    return fetch(`${base}/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-hdf5' },
      body: await readFile(found.file),
    });
  };

  it('answers that upload with a 422, validates the next, and keeps the gateway', async () => {
    const gatewayPid = gateway.pid;
    assert.ok(gatewayPid !== undefined);
    const [validator] = await waitForValidators(gatewayPid);
    assert.ok(validator !== undefined);
    const slow = upload('depends-on-chain-5000');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.kill(validator, 'SIGKILL');
    const killed = await slow;
    assert.equal(killed.status, 422);
    assert.match(killed.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = (await killed.json()) as { detail: string };
    assert.match(problem.detail, /could not be validated: .*SIGKILL/);

    const next = await upload('link-cycles');
    assert.equal(next.status, 200, await next.clone().text());
    assert.equal(gateway.pid, gatewayPid, 'the gateway never restarted');
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await readdir(spoolDir), []);
    const now = await validatorProcesses(gatewayPid);
    assert.equal(now.length, 1);
    assert.ok(!now.includes(validator), 'a fresh process took the place of the killed one');
  });
});

async function waitForValidators(parent: number): Promise<number[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const pids = await validatorProcesses(parent);
    if (pids.length > 0) return pids;
    assert.ok(Date.now() < until, 'the gateway starts its validator process');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
