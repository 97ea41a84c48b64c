/**
 * A gateway that can be stopped and started again on the same port, the way
 * an operator restarts it, for tests of clients that must carry their sends
 * over the gap.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '#libs/config/src/index.js';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap.js';
import { testConfig } from './test-config.js';

export interface RestartableGateway {
  readonly url: string;
  /** Closes the gateway, leaves the port unanswered for `gapMs`, then listens again on it. */
  restart(gapMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRestartableGateway(): Promise<RestartableGateway> {
  const config: AppConfig = await testConfig();
  let port = 0;
  let app: NestFastifyApplication | undefined;
  const listen = async (): Promise<void> => {
    app = await createGatewayApp(config);
    await app.listen(port, '127.0.0.1');
    port = Number(new URL(await app.getUrl()).port);
  };
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    restart: async (gapMs = 300) => {
      await app?.close();
      app = undefined;
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      await listen();
    },
    close: async () => app?.close(),
  };
}
