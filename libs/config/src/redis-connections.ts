/**
 * The two kinds of Redis connection. The gateway's must fail fast so a request
 * gets a 503 instead of waiting; the worker's must wait for Redis to come back.
 */
import { Redis } from 'ioredis';
import type { AppConfig } from './config.js';

export function createProducerRedis(config: AppConfig): Redis {
  return new Redis(config.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    // Each command leaves at once, in its own write. Gathering the commands of
    // one tick into a pipeline saves system calls but costs more than it
    // saves: `npm run bench:ingest` accepted a fifth fewer events with it.
    enableAutoPipelining: false,
    maxRetriesPerRequest: 1,
    commandTimeout: config.redisCommandTimeoutMs,
    connectTimeout: config.redisCommandTimeoutMs,
    // Reconnect quickly in the background so service resumes soon after Redis returns.
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
}

export function createConsumerRedis(config: AppConfig): Redis {
  return new Redis(config.redisUrl, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}

/**
 * Whether Redis answers a PING within `ms`. On the worker's connection a
 * command waits for Redis to come back, however long: a health check must
 * answer "down" instead of waiting with it.
 */
export async function redisAnswersWithin(redis: Redis, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return (await Promise.race([redis.ping().catch(() => undefined), late])) === 'PONG';
  } finally {
    clearTimeout(timer);
  }
}
