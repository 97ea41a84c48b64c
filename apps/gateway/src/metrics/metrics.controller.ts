/**
 * GET /metrics in Prometheus's text format: the gateway's own metrics, the
 * process's (CPU, memory, event loop), and BullMQ's own metrics of the write
 * queue (Queue.exportPrometheusMetrics). Gauges read from Redis are read at
 * the scrape, so they are never stale; with Redis away they are left out and
 * assonant_redis_up says 0.
 */
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectMetric, PrometheusController } from '@willsoto/nestjs-prometheus';
import type { FastifyReply } from 'fastify';
import { register, type Gauge } from 'prom-client';
import type { AppConfig } from '#libs/config/src/index.js';
import { WriteJobQueue } from '#libs/queue-contracts/src/index.js';
import { ScanStore } from '#libs/staging/src/index.js';
import { APP_CONFIG } from '../redis/tokens.js';
import { GATEWAY_METRICS as M } from './gateway-metric-names.js';

@ApiExcludeController()
@Controller('metrics')
export class MetricsController extends PrometheusController {
  constructor(
    private readonly store: ScanStore,
    private readonly queue: WriteJobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectMetric(M.stagedBytes) private readonly stagedBytes: Gauge,
    @InjectMetric(M.stagingLimitBytes) private readonly stagingLimit: Gauge,
    @InjectMetric(M.redisUp) private readonly redisUp: Gauge,
  ) {
    super();
  }

  @Get()
  override async index(@Res({ passthrough: true }) response: FastifyReply): Promise<string> {
    this.stagingLimit.set(this.config.stagingLimitBytes);
    let queueMetrics = '';
    try {
      this.stagedBytes.set(await this.store.stagedBytes());
      queueMetrics = await this.queue.prometheusMetrics();
      this.redisUp.set(1);
    } catch {
      this.redisUp.set(0);
    }
    void response.header('Content-Type', register.contentType);
    return `${await register.metrics()}\n${queueMetrics}`;
  }
}
