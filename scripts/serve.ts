/**
 * Runs the service: the gateway and WORKERS worker processes, against
 * REDIS_URL or, when it is unset, a private redis-server with its data under
 * ./var/redis. Ctrl-C stops everything in order: apps first, Redis last.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, loadLauncherConfig } from '#libs/config/src/index.js';
import { EmbeddedRedis } from '#libs/embedded-redis/src/embedded-redis.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function startApp(name: string, script: string, redisUrl: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, 'dist', script)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, REDIS_URL: redisUrl },
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${name} exited (${signal ?? code}); stopping the service\n`);
      void stopAll(1);
    }
  });
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];
let embedded: EmbeddedRedis | undefined;

async function stopAll(exitCode: number): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await embedded?.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const launcher = loadLauncherConfig();
  let redisUrl = launcher.redisUrl;
  if (redisUrl === undefined) {
    embedded = await EmbeddedRedis.start({
      dir: path.join(root, 'var', 'redis'),
      port: launcher.embeddedRedisPort,
    });
    redisUrl = embedded.url;
    process.stdout.write(`Embedded redis-server on ${redisUrl}, data in var/redis\n`);
  }
  // Fail here, with the whole list, rather than in each child.
  const config = loadConfig({ ...process.env, REDIS_URL: redisUrl });
  children.push(startApp('gateway', 'apps/gateway/src/main.js', redisUrl));
  for (let i = 0; i < launcher.workers; i += 1) {
    children.push(startApp(`worker ${i + 1}`, 'apps/worker/src/main.js', redisUrl));
  }
  process.stdout.write(`Files are written under ${config.dataRoot}\n`);
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
}

main().catch(async (error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${String(error)}\n`);
  await embedded?.stop();
  process.exit(1);
});
