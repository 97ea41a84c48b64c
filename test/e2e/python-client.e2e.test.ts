/**
 * The Python client (clients/python) against the real gateway, worker and
 * Redis: Debian's /usr/bin/python3 runs its unittest suite, given the URL of
 * a gateway without keys and of one with keys.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { writeApiKeysFile } from '../helpers/api-keys-file.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';

const CLIENT = path.join(PROJECT_ROOT, 'clients/python');

function python(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', args, {
      cwd: CLIENT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('the Python client', () => {
  let open: Harness;
  let keyed: Harness;

  before(async () => {
    open = await startHarness();
    const { file } = await writeApiKeysFile([{ id: 'python', scopes: ['admin'] }]);
    keyed = await startHarness({ worker: false, env: { API_KEYS_FILE: file } });
  });
  after(async () => {
    await open?.close();
    await keyed?.close();
  });

  it('passes its unittest suite against the gateway', { timeout: 180_000 }, async () => {
    const run = await python(['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.', '-v'], {
      ...process.env,
      ASSONANT_GATEWAY_URL: open.baseUrl,
      ASSONANT_GATEWAY_KEYED_URL: keyed.baseUrl,
      PYTHONDONTWRITEBYTECODE: '1',
    });
    assert.equal(run.code, 0, run.output);
    const ran = /Ran (\d+) tests?/.exec(run.output);
    assert.ok(ran !== null && Number(ran[1]) >= 12, run.output);
    for (const name of [
      'test_a_whole_mogno_scan_from_assonant_objects',
      'test_backs_off_under_a_429_storm_then_raises_the_problem',
      'test_a_count_plan_with_a_baseline',
      'test_a_grid_scan_with_an_area_detector_streaming_to_a_file',
      'test_arrays_as_npy_and_as_raw_bytes',
    ]) {
      assert.match(run.output, new RegExp(`${name} \\(.*\\) \\.\\.\\. ok`), name);
    }
    assert.doesNotMatch(run.output, /skipped/i, 'no test of the client may be skipped');
    assert.match(run.output, /\nOK\s*$/, run.output);
  });

  it(
    'installs with pip, offline, and its command runs from the install',
    { timeout: 120_000 },
    async () => {
      // A copy, so the build leaves nothing in the clone; no index, so nothing comes from PyPI.
      const work = await tempDir('python-install-');
      const source = path.join(work.dir, 'source');
      const target = path.join(work.dir, 'site');
      await cp(CLIENT, source, {
        recursive: true,
        filter: (file) => !file.includes('__pycache__'),
      });
      const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
      const pip = await python(
        [
          '-m',
          'pip',
          'install',
          '--quiet',
          '--no-build-isolation',
          '--no-index',
          '--no-deps',
        ].concat(['--target', target, source]),
        env,
      );
      assert.equal(pip.code, 0, pip.output);
      const installed = await readdir(path.join(target, 'assonant_gateway'));
      assert.ok(installed.includes('py.typed'), `py.typed is installed: ${installed.join(' ')}`);
      const command = await new Promise<{ code: number; output: string }>((resolve, reject) => {
        const child = spawn(
          path.join(target, 'bin/assonant-gateway'),
          ['--url', open.baseUrl, '--json', 'status', 'no-such-scan'],
          { cwd: work.dir, env: { ...env, PYTHONPATH: target }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, output }));
      });
      assert.equal(command.code, 1, `a 404 exits 1: ${command.output}`);
      assert.match(command.output, /Scan not found/);
    },
  );
});
