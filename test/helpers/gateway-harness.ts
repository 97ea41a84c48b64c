/**
 * The real gateway (same bootstrap as main.ts) and a real write worker, both
 * on the suite's Redis, for one e2e test file.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '#libs/config/src/index.js';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap.js';
import { startWriteWorker, type RunningWriteWorker } from '../../apps/worker/src/write-worker.js';
import { testConfig } from './test-config.js';

export interface Harness {
  config: AppConfig;
  app: NestFastifyApplication;
  /** Base URL of the listening gateway. */
  baseUrl: string;
  worker: RunningWriteWorker | undefined;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    worker?: boolean;
    env?: Record<string, string>;
    /** The worker's writer-thread module (test/helpers/failing-write-thread.ts). */
    threadModule?: URL;
  } = {},
): Promise<Harness> {
  const config = await testConfig(options.env);
  const app = await createGatewayApp(config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const worker =
    options.worker === false
      ? undefined
      : await startWriteWorker(
          config,
          (level, msg) => {
            if (level === 'error') process.stderr.write(`worker: ${msg}\n`);
          },
          options.threadModule === undefined ? {} : { threadModule: options.threadModule },
        );
  return {
    config,
    app,
    baseUrl: baseUrl.replace('[::1]', '127.0.0.1'),
    worker,
    close: async () => {
      await worker?.close();
      await app.close();
    },
  };
}
