/**
 * A full disk: the write fails with a clear reason in the scan status, nothing
 * half-written stays, and the job is retried with backoff until space is back.
 * DATA_ROOT is a 2 MiB tmpfs mounted for the test (so it needs root).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { EmbeddedRedis } from '#libs/embedded-redis/src/embedded-redis.js';
import { fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

const run = promisify(execFile);

describe('a full disk', () => {
  let redis: EmbeddedRedis;
  let harness: Harness;
  let mountPoint: string;

  before(async () => {
    assert.equal(process.getuid?.(), 0, 'the fault suite mounts a tmpfs: run it as root');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assonant-full-disk-'));
    mountPoint = path.join(dir, 'data');
    await mkdir(mountPoint);
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
    redis = await EmbeddedRedis.start({ dir: path.join(dir, 'redis'), port: 0 });
    harness = await startHarness({
      env: { REDIS_URL: redis.url, DATA_ROOT: mountPoint, WRITE_ATTEMPTS: '12' },
    });
  });

  after(async () => {
    await harness.close();
    await redis.stop();
    await run('umount', [mountPoint]);
  });

  it('fails the write with the reason, leaves nothing, and writes once space is back', async () => {
    // Leave a few kilobytes free: the scan's file needs tens.
    const filler = path.join(mountPoint, 'filler');
    const { stdout } = await run('df', ['--output=avail', '-B1', mountPoint]);
    const free = Number(stdout.trim().split('\n').pop());
    await writeFile(filler, Buffer.alloc(Math.max(free - 8 * 1024, 0)));

    const client = new ScanClient(harness.baseUrl);
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'disk', technique: 'CT' });
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    await client.entry(scanId, fixtureText('mogno-tomography-during'));
    await client.close(scanId);

    const deadline = Date.now() + 30_000;
    let status = await client.status(scanId);
    while (status.error === undefined) {
      assert.ok(Date.now() < deadline, 'the failed write is reported in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await client.status(scanId);
    }
    assert.equal(status.status, 'closing', 'still to be retried, not given up');
    assert.match(status.error, /ENOSPC|no space|write/i);
    const left = await readdir(path.join(mountPoint, 'MOGNO', 'disk')).catch(() => []);
    assert.deepEqual(left, [], 'no temporary or partial file');

    await rm(filler);
    const written = await client.waitWritten(scanId, 60_000);
    assert.equal(written.error, undefined);
    assert.deepEqual(await readdir(path.join(mountPoint, 'MOGNO', 'disk')), [`${scanId}.nxs`]);
  });
});
