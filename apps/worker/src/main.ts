/**
 * The worker process: takes write jobs from the queue. On SIGTERM it finishes
 * (or hands back) the job in hand before it exits, so no partial file is ever
 * left at a final path.
 */
import { CONFIG_ERROR_EXIT_CODE, ConfigError, loadConfig } from '#libs/config/src/index.js';
import { WRITE_QUEUE } from '#libs/queue-contracts/src/index.js';
import type { WorkerLog } from './worker-log.js';
import { startWriteWorker } from './write-worker.js';

const log: WorkerLog = (level, msg, fields) => {
  const line = {
    level,
    time: new Date().toISOString(),
    service: 'worker',
    pid: process.pid,
    msg,
    ...fields,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startWriteWorker(config, log);
  const shutdown = (signal: string): void => {
    log('info', `${signal}: finishing the job in hand, then exiting`);
    void running.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  log('info', `ready: queue ${config.keyPrefix}:${WRITE_QUEUE}, data root ${config.dataRoot}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `worker failed: ${String(error)}\n`,
  );
  process.exit(error instanceof ConfigError ? CONFIG_ERROR_EXIT_CODE : 1);
});
