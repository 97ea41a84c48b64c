/**
 * A gateway with API keys off refuses a non-loopback address unless
 * ALLOW_ANONYMOUS=true, and then warns (the real entry point, as `npm start`
 * and the container run it).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CONFIG_ERROR_EXIT_CODE } from '#libs/config/src/index.js';
import { isLoopback } from '../../apps/gateway/src/anonymous-exposure.js';
import { newApiKey } from '../../apps/gateway/src/auth/api-keys.js';

const GATEWAY_MAIN = fileURLToPath(new URL('../../apps/gateway/src/main.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the gateway until it exits or says it listens (then stops it). */
function runGateway(env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [GATEWAY_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
      QUEUE_PREFIX: `exposure-${randomBytes(4).toString('hex')}`,
      DATA_ROOT: path.join(os.tmpdir(), `assonant-exposure-${randomBytes(4).toString('hex')}`),
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
    if (run.stdout.includes('listening')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ ...run, code }));
  });
}

describe('a gateway without keys on a public address', () => {
  it('tells loopback from other addresses', () => {
    for (const host of ['127.0.0.1', '127.10.0.3', '::1', 'localhost']) assert.ok(isLoopback(host));
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'gateway.example.org'])
      assert.ok(!isLoopback(host), host);
  });

  it('refuses to start, saying what to set', { timeout: 30_000 }, async () => {
    const run = await runGateway({ HOST: '0.0.0.0' });
    assert.equal(run.code, CONFIG_ERROR_EXIT_CODE, run.stdout + run.stderr);
    assert.match(run.stderr, /API_KEYS_FILE/);
    assert.match(run.stderr, /ALLOW_ANONYMOUS=true/);
    assert.ok(!run.stdout.includes('listening'));
  });

  it('starts with ALLOW_ANONYMOUS=true, and warns', { timeout: 30_000 }, async () => {
    const run = await runGateway({ HOST: '0.0.0.0', ALLOW_ANONYMOUS: 'true' });
    assert.ok(run.stdout.includes('listening'), run.stdout + run.stderr);
    assert.match(run.stderr, /warning: API keys are off/);
  });

  it(
    'starts on a public address without a warning when keys are on',
    { timeout: 30_000 },
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'assonant-keys-'));
      const file = path.join(dir, 'keys.json');
      const made = newApiKey('ops');
      await writeFile(
        file,
        JSON.stringify([{ id: 'ops', sha256: made.sha256, scopes: ['admin'] }]),
      );
      const run = await runGateway({ HOST: '0.0.0.0', API_KEYS_FILE: file });
      assert.ok(run.stdout.includes('listening'), run.stdout + run.stderr);
      assert.doesNotMatch(run.stderr, /warning/);
    },
  );
});
