/** Whether the gateway can do its job: Redis answers, DATA_ROOT exists and is writable. */
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { constants } from 'node:fs';
import { access, mkdir, statfs } from 'node:fs/promises';
import type { AppConfig } from '#libs/config/src/index.js';
import { APP_CONFIG, PRODUCER_REDIS } from '../redis/tokens.js';

type CheckStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: {
    redis: { status: CheckStatus; error?: string };
    dataRoot: { status: CheckStatus; path: string; freeBytes?: number; error?: string };
  };
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [redis, dataRoot] = await Promise.all([this.checkRedis(), this.checkDataRoot()]);
    const ok = redis.status === 'up' && dataRoot.status === 'up';
    return { status: ok ? 'ok' : 'unavailable', checks: { redis, dataRoot } };
  }

  private async checkRedis(): Promise<HealthReport['checks']['redis']> {
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      await this.redis.ping();
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async checkDataRoot(): Promise<HealthReport['checks']['dataRoot']> {
    const path = this.config.dataRoot;
    try {
      await mkdir(path, { recursive: true });
      await access(path, constants.W_OK);
      const stats = await statfs(path);
      return { status: 'up', path, freeBytes: stats.bavail * stats.bsize };
    } catch (error) {
      return {
        status: 'down',
        path,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
