/**
 * Whether the gateway can do its job: Redis answers, DATA_ROOT exists and is
 * writable. The route is public, so the report names no path, host or
 * configuration value: only states and error codes (the log has the rest).
 */
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
    dataRoot: { status: CheckStatus; freeBytes?: number; error?: string };
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
      return { status: 'down', error: `Redis does not answer (${errorCode(error)})` };
    }
  }

  private async checkDataRoot(): Promise<HealthReport['checks']['dataRoot']> {
    const path = this.config.dataRoot;
    try {
      await mkdir(path, { recursive: true });
      await access(path, constants.W_OK);
      const stats = await statfs(path);
      return { status: 'up', freeBytes: stats.bavail * stats.bsize };
    } catch (error) {
      return { status: 'down', error: `DATA_ROOT is not writable (${errorCode(error)})` };
    }
  }
}

/** `ECONNREFUSED`, `EACCES`…: enough to act on, without the paths and hosts of a message. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
  return error instanceof Error ? error.name : 'unknown error';
}
