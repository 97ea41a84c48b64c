/**
 * The test suite: lint, then every compiled `*.test.js` under node's test
 * runner, with a private redis-server (unless REDIS_URL is given) that the
 * e2e tests share, each under its own key prefix. With `--faults`, the fault
 * suite instead.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedRedis } from '#libs/embedded-redis/src/embedded-redis.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function testFiles(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function main(): Promise<number> {
  // `--faults`: the fault suite (test/faults/*.fault.ts), which runs its own
  // processes and Redis and needs root for a size-limited file system.
  const faults = process.argv.includes('--faults');
  const filters = process.argv.slice(2).filter((arg) => arg !== '--faults');
  if (faults) {
    const files = (await testFiles(path.join(root, 'dist', 'test', 'faults'), '.fault.js')).filter(
      (file) => filters.length === 0 || filters.some((f) => file.includes(f)),
    );
    return run(process.execPath, [
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=1',
      ...files,
    ]);
  }
  if (filters.length === 0) {
    const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
    const lint = await run(bin('eslint'), ['.', '--max-warnings', '0']);
    const format = await run(bin('prettier'), ['--check', '.', '--log-level', 'warn']);
    if (lint !== 0 || format !== 0) return 1;
  }
  const all = await testFiles(path.join(root, 'dist'), '.test.js');
  const files =
    filters.length === 0 ? all : all.filter((file) => filters.some((f) => file.includes(f)));
  if (files.length === 0) {
    process.stderr.write(`no test file matches ${filters.join(' ')}\n`);
    return 1;
  }
  const external = process.env.REDIS_URL;
  const redis =
    external === undefined || external === ''
      ? await EmbeddedRedis.start({
          dir: path.join(root, 'var', 'test', `redis-${process.pid}`),
          port: 0,
        })
      : undefined;
  try {
    const env = { ...process.env, REDIS_URL: redis?.url ?? external };
    return await run(process.execPath, ['--test', '--test-reporter=spec', ...files], env);
  } finally {
    await redis?.stop();
  }
}

process.exitCode = await main();
