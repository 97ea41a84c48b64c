/**
 * Keys never reach the logs: a gateway process logging at trace level is sent
 * valid and invalid keys, and its whole output is searched for them.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '#libs/embedded-redis/src/embedded-redis.js';
import { newApiKey } from '../../apps/gateway/src/auth/api-keys.js';
import { gatewayProcess, type ServiceProcess } from '../faults/support/service-processes.js';

describe('API keys in logs', () => {
  let gateway: ServiceProcess;
  let base: string;
  const valid = newApiKey('logged-writer');
  const forged = newApiKey('logged-writer').key;

  before(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assonant-key-logs-'));
    const keysFile = path.join(dir, 'keys.json');
    const scopes = ['beamline:MOGNO:write'];
    await writeFile(
      keysFile,
      JSON.stringify([{ id: 'logged-writer', sha256: valid.sha256, scopes }]),
    );
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = gatewayProcess({
      REDIS_URL: process.env.REDIS_URL,
      PORT: String(port),
      DATA_ROOT: path.join(dir, 'data'),
      QUEUE_PREFIX: `keylogs-${port}`,
      LOG_LEVEL: 'trace',
      API_KEYS_FILE: keysFile,
    });
    await gateway.start();
  });
  after(async () => gateway.stop());

  it('logs requests, never the keys in them', async () => {
    const open = (key: string, header: 'authorization' | 'x-api-key'): Promise<Response> =>
      fetch(`${base}/v1/scans`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [header]: header === 'authorization' ? `Bearer ${key}` : key,
        },
        body: JSON.stringify({ beamline: 'MOGNO', proposal: 'p1', technique: 'CT' }),
      });
    assert.equal((await open(valid.key, 'authorization')).status, 201);
    assert.equal((await open(valid.key, 'x-api-key')).status, 201);
    assert.equal((await open(forged, 'authorization')).status, 401);
    assert.equal((await open(forged, 'x-api-key')).status, 401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.match(gateway.output, /incoming request/, 'requests are logged');
    const secret = (key: string): string => key.slice('agk_logged-writer_'.length);
    assert.ok(!gateway.output.includes(secret(valid.key)), 'the valid key is not in the logs');
    assert.ok(!gateway.output.includes(secret(forged)), 'the forged key is not in the logs');
  });
});
