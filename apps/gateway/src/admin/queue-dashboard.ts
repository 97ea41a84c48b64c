/**
 * bull-board at /admin/queues: the write queue's jobs by state, their data,
 * attempts and failure reasons, with retry and clean. It is an operator's
 * tool, so with keys on it needs the `admin` scope (checked here, since its
 * routes are Fastify's, not a Nest controller's; onRequest has already
 * refused a request without a valid key).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { createConsumerRedis, type AppConfig } from '#libs/config/src/index.js';
import { WRITE_QUEUE } from '#libs/queue-contracts/src/index.js';
import { authenticatedKey } from '../auth/authenticate-on-request.js';
import { Grants } from '../auth/scopes.js';
import { DomainError } from '../problem/domain-error.js';
import { sendProblem } from '../problem/send-problem.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export interface QueueDashboard {
  close(): Promise<void>;
}

export async function serveQueueDashboard(
  fastify: FastifyInstance,
  config: AppConfig,
  keysOn: boolean,
): Promise<QueueDashboard> {
  // A connection of its own that reconnects by itself: the board must come back with Redis.
  const redis = createConsumerRedis(config);
  const queue = new Queue(WRITE_QUEUE, { connection: redis, prefix: config.keyPrefix });
  const board = new FastifyAdapter();
  createBullBoard({
    queues: [new BullMQAdapter(queue, { readOnlyMode: false })],
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Assonant Gateway' } },
  });
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  await fastify.register(
    async (scope) => {
      if (keysOn)
        scope.addHook('onRequest', async (request, reply) => {
          const key = authenticatedKey(request);
          if (key !== undefined && new Grants(key.scopes).isAdmin) return;
          const who = key === undefined ? 'This request' : `Key ${key.id}`;
          await sendProblem(
            reply,
            request,
            new DomainError(
              'forbidden',
              `${who} may not open the queue dashboard: it needs the admin scope.`,
            ),
          );
        });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
  return {
    close: async () => {
      await queue.close();
      redis.disconnect();
    },
  };
}
