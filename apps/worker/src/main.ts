/**
 * The worker process: takes write jobs from the queue. On SIGTERM it finishes
 * (or hands back) the job in hand before it exits, so no partial file is ever
 * left at a final path.
 */
import { CONFIG_ERROR_EXIT_CODE, ConfigError, loadConfig } from '#libs/config/src/index.js';
import { WRITE_QUEUE } from '#libs/queue-contracts/src/index.js';
import { createLogger } from '#libs/observability/src/index.js';
import { workerLogOf } from './worker-log.js';
import { serveWorkerHttp } from './worker-http.js';
import { startWriteWorker } from './write-worker.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = workerLogOf(createLogger({ service: 'worker', level: config.logLevel }));
  const running = await startWriteWorker(config, log);
  const http = await serveWorkerHttp(running, config.workerConcurrency, {
    port: config.workerHttpPort,
    host: config.workerHttpHost,
  });
  const shutdown = (signal: string): void => {
    log('info', `${signal}: finishing the job in hand, then exiting`);
    void http
      .close()
      .then(() => running.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  const ready = `queue ${config.keyPrefix}:${WRITE_QUEUE}, data root ${config.dataRoot}, metrics ${http.url}/metrics`;
  // Printed whatever LOG_LEVEL says, as the gateway prints where it listens.
  process.stdout.write(`Assonant Gateway worker ready: ${ready}\n`);
  log('info', `ready: ${ready}`, { metrics: `${http.url}/metrics`, health: `${http.url}/health` });
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `worker failed: ${String(error)}\n`,
  );
  process.exit(error instanceof ConfigError ? CONFIG_ERROR_EXIT_CODE : 1);
});
