/**
 * Counts and times every answer, by route pattern (never the raw URL, so
 * the label set stays small) and status, in Fastify's onResponse hook.
 */
import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { FastifyInstance } from 'fastify';
import type { Counter, Histogram } from 'prom-client';
import { GATEWAY_METRICS as M } from './gateway-metric-names.js';

const BACKPRESSURE = new Set([429, 503]);
const AUTH_REFUSALS = new Set([401, 403]);

@Injectable()
export class HttpMetrics {
  constructor(
    @InjectMetric(M.requests) private readonly requests: Counter,
    @InjectMetric(M.requestSeconds) private readonly seconds: Histogram,
    @InjectMetric(M.backpressure) private readonly backpressure: Counter,
    @InjectMetric(M.authRefusals) private readonly authRefusals: Counter,
  ) {
    // Every series from the start, so an alert on their rate has something to read.
    for (const status of BACKPRESSURE) this.backpressure.inc({ status_code: String(status) }, 0);
    for (const status of AUTH_REFUSALS) this.authRefusals.inc({ status_code: String(status) }, 0);
  }

  observe(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      const status = reply.statusCode;
      const labels = {
        method: request.method,
        // Unmatched paths share one label: a scanner's random URLs cannot grow the set.
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(status),
      };
      this.requests.inc(labels);
      this.seconds.observe(labels, reply.elapsedTime / 1000);
      if (BACKPRESSURE.has(status)) this.backpressure.inc({ status_code: labels.status_code });
      if (AUTH_REFUSALS.has(status)) this.authRefusals.inc({ status_code: labels.status_code });
      done();
    });
  }
}
