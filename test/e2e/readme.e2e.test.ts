/**
 * The README, pasted line by line: its shell blocks run in order, in a fresh
 * directory laid out like the clone, against the service `npm start` runs
 * (dist/scripts/serve.js with its private Redis; setup already ran, since
 * `npm test` built it). Each command must succeed and print what the README
 * shows under it, and nothing it does not show.
 *
 * Two things differ from a user's terminal, both on purpose: the service
 * listens on free ports instead of 3000 and 6390 (so a running `npm start`
 * is not disturbed), and `npm start` inside a block restarts that service in
 * the background with the block's environment, as the user would in the
 * terminal of their first `npm start`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from '#libs/embedded-redis/src/embedded-redis.js';
import { COMPONENT_CLASSES } from '#libs/model/src/index.js';
import { brokenPromises, readmeScript } from '../helpers/readme-script.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** What a clone holds that the README's commands use. */
const CLONE_ENTRIES = [
  'package.json',
  'node_modules',
  'scripts',
  'dist',
  'test',
  'config',
  'clients',
];

/** `npm start` as the blocks see it; runs before them. */
const PREAMBLE = path.join(root, 'test/helpers/readme-preamble.sh');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the README, run as written', () => {
  let readme: string;
  let clone: string;

  before(async () => {
    readme = await readFile(path.join(root, 'README.md'), 'utf8');
    clone = await mkdtemp(path.join(os.tmpdir(), 'readme-'));
    for (const entry of CLONE_ENTRIES) {
      await symlink(path.join(root, entry), path.join(clone, entry));
    }
  });
  after(async () => rm(clone, { recursive: true, force: true }));

  it('every shell block runs and prints what the README shows', async () => {
    const script = readmeScript(readme);
    assert.ok(script.blocks >= 4, `only ${script.blocks} runnable blocks found`);
    assert.ok(script.stretches.filter(Boolean).length >= 12, 'the README shows its outputs');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      README_ROOT: root,
      PORT: String(port),
      EMBEDDED_REDIS_PORT: String(await freePort()),
      WORKER_HTTP_PORT: String(await freePort()),
      EMBEDDED_REDIS_DIR: path.join(clone, 'var/redis'),
      DATA_ROOT: path.join(clone, 'var/data'),
      SPOOL_DIR: path.join(clone, 'var/spool'),
      ARRAY_SPOOL_DIR: path.join(clone, 'var/arrays'),
      WORKERS: '1',
    };
    for (const name of ['REDIS_URL', 'API_KEYS_FILE', 'LOG_LEVEL', 'HOST']) delete env[name];
    const body = script.body
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)
      .replaceAll('127.0.0.1:9464', `127.0.0.1:${env.WORKER_HTTP_PORT}`);
    const run = await runBash((await readFile(PREAMBLE, 'utf8')) + body, clone, env);
    const broken = brokenPromises(script, run.stdout);
    assert.deepEqual(broken, [], `${broken.join('\n\n')}\n\nstderr:\n${run.stderr}`);
    assert.equal(run.code, 0, `the script failed:\n${run.stderr}`);
  });

  it('counts what it counts right', () => {
    const classes = /\((\d+) device classes\)/.exec(readme);
    assert.equal(Number(classes?.[1]), COMPONENT_CLASSES.length);
  });
});
