/**
 * Runs the service: the gateway and WORKERS worker processes, against
 * REDIS_URL or, when it is unset, a private redis-server with its data under
 * ./var/redis. An app that crashes is restarted with backoff while the others
 * and Redis keep running (supervised-app.ts). Ctrl-C stops everything in
 * order: apps first, Redis last.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, loadLauncherConfig } from '#libs/config/src/index.js';
import { EmbeddedRedis } from '#libs/embedded-redis/src/embedded-redis.js';
import { SupervisedApp } from './supervised-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let stopping = false;
const apps: SupervisedApp[] = [];
let embedded: EmbeddedRedis | undefined;

function log(line: string): void {
  process.stderr.write(`[serve] ${line}\n`);
}

function supervise(name: string, script: string, env: NodeJS.ProcessEnv): SupervisedApp {
  const app = new SupervisedApp({
    name,
    script: path.join(root, 'dist', script),
    cwd: root,
    env: { ...process.env, ...env },
    log,
    onGiveUp: (code) => void stopAll(code),
  });
  app.start();
  return app;
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(apps.map((app) => app.stop()));
  await embedded?.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const launcher = loadLauncherConfig();
  let redisUrl = launcher.redisUrl;
  if (redisUrl === undefined) {
    embedded = await EmbeddedRedis.start({
      dir: launcher.embeddedRedisDir,
      port: launcher.embeddedRedisPort,
    });
    redisUrl = embedded.url;
    process.stdout.write(
      `Embedded redis-server on ${redisUrl}, data in ${path.relative(root, launcher.embeddedRedisDir) || '.'}\n`,
    );
  }
  // Fail here, with the whole list, rather than in each child.
  const config = loadConfig({ ...process.env, REDIS_URL: redisUrl });
  apps.push(supervise('gateway', 'apps/gateway/src/main.js', { REDIS_URL: redisUrl }));
  for (let i = 0; i < launcher.workers; i += 1) {
    // Each worker its own port for /metrics and /health; 0 lets each pick a free one.
    const port = config.workerHttpPort === 0 ? 0 : config.workerHttpPort + i;
    const env = { REDIS_URL: redisUrl, WORKER_HTTP_PORT: String(port) };
    apps.push(supervise(`worker ${i + 1}`, 'apps/worker/src/main.js', env));
    if (port !== 0) {
      process.stdout.write(
        `Worker ${i + 1}: metrics on http://${config.workerHttpHost}:${port}/metrics\n`,
      );
    }
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
