/** Nest providers for the gateway's Redis connection, staging store, write queue and scan lifecycle. */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createProducerRedis, type AppConfig } from '#libs/config/src/index.js';
import { ArrayRecords } from '#libs/arrays/src/index.js';
import { ScanIngest } from '#libs/ingest/src/index.js';
import { WriteJobQueue } from '#libs/queue-contracts/src/index.js';
import { SchemaStore, ScanStore } from '#libs/staging/src/index.js';
import { APP_CONFIG, PRODUCER_REDIS } from './tokens.js';

export function gatewayProviders(config: AppConfig): Provider[] {
  return [
    { provide: APP_CONFIG, useValue: config },
    { provide: PRODUCER_REDIS, useFactory: () => connectProducerRedis(config) },
    {
      provide: ScanStore,
      inject: [PRODUCER_REDIS],
      useFactory: (redis: Redis) =>
        new ScanStore(redis, config.keyPrefix, {
          total: config.stagingLimitBytes,
          perBeamline: config.stagingLimitPerBeamlineBytes,
        }),
    },
    {
      provide: WriteJobQueue,
      inject: [PRODUCER_REDIS],
      useFactory: (redis: Redis) =>
        new WriteJobQueue(redis, { keyPrefix: config.keyPrefix, attempts: config.writeAttempts }),
    },
    {
      provide: SchemaStore,
      inject: [PRODUCER_REDIS],
      useFactory: (redis: Redis) => new SchemaStore(redis, config.keyPrefix),
    },
    {
      provide: ScanIngest,
      inject: [ScanStore, WriteJobQueue, SchemaStore, PRODUCER_REDIS],
      useFactory: (store: ScanStore, jobs: WriteJobQueue, schemas: SchemaStore, redis: Redis) =>
        new ScanIngest(store, jobs, { schemas, arrays: new ArrayRecords(redis, config.keyPrefix) }),
    },
    RedisShutdown,
  ];
}

/**
 * Waits a moment for the first connection so that requests right after start
 * are served, then goes on connecting in the background: the gateway starts
 * (and answers 503) while Redis is away, and serves as soon as it is back.
 */
async function connectProducerRedis(config: AppConfig): Promise<Redis> {
  const logger = new Logger('Redis');
  const redis = createProducerRedis(config);
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis unreachable: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis reachable again');
    down = false;
  });
  const firstConnection = redis.connect().catch(() => undefined);
  await Promise.race([
    firstConnection,
    new Promise((resolve) => setTimeout(resolve, config.redisCommandTimeoutMs).unref()),
  ]);
  return redis;
}

/** Closes the queue and the connection when the app shuts down, so the process can exit. */
@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    private readonly queue: WriteJobQueue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}
