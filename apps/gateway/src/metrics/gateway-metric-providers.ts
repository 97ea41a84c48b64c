/** The gateway's metrics as Nest providers (@willsoto/nestjs-prometheus, prom-client's default registry). */
import {
  makeCounterProvider,
  makeGaugeProvider,
  makeHistogramProvider,
} from '@willsoto/nestjs-prometheus';
import type { Provider } from '@nestjs/common';
import { GATEWAY_METRICS as M } from './gateway-metric-names.js';

const HTTP_LABELS = ['method', 'route', 'status_code'];

export const GATEWAY_METRIC_PROVIDERS: Provider[] = [
  makeCounterProvider({
    name: M.requests,
    help: 'HTTP requests answered, by route pattern and status.',
    labelNames: HTTP_LABELS,
  }),
  makeHistogramProvider({
    name: M.requestSeconds,
    help: 'Time from the request line to the last byte of the answer, by route pattern and status.',
    labelNames: HTTP_LABELS,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
  makeCounterProvider({
    name: M.eventsStaged,
    help: 'Events taken (202), by kind (entry, device, pvs); duplicate="true" for one already staged.',
    labelNames: ['kind', 'duplicate'],
  }),
  makeGaugeProvider({
    name: M.stagedBytes,
    help: 'Bytes staged in Redis and not yet written, all beamlines (read at each scrape).',
  }),
  makeGaugeProvider({
    name: M.stagingLimitBytes,
    help: 'STAGING_LIMIT_BYTES: past it, events are answered 429.',
  }),
  makeCounterProvider({
    name: M.backpressure,
    help: 'Answers that ask the client to come back: 429 (staging full, too many uploads) and 503 (Redis away).',
    labelNames: ['status_code'],
  }),
  makeCounterProvider({
    name: M.authRefusals,
    help: 'Requests refused for their API key: 401 (none, or not valid) and 403 (not allowed).',
    labelNames: ['status_code'],
  }),
  makeGaugeProvider({
    name: M.redisUp,
    help: '1 when the last scrape could read Redis, else 0.',
  }),
];
