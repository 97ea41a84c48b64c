/**
 * Delivers webhook notifications: a BullMQ worker on the delivery queue.
 * Each attempt POSTs the job's body, signed, with its delivery id (the
 * receiver deduplicates on it); a 2xx ends it, anything else (or no answer
 * within the timeout) is retried with exponential backoff by BullMQ, and
 * every attempt is written to the webhook's delivery log.
 */
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '#libs/config/src/index.js';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  isDeliveryJobData,
  pendingDelivery,
  SIGNATURE_HEADER,
  sign,
  WEBHOOK_QUEUE,
  WebhookStore,
  type Delivery,
  type DeliveryJobData,
} from '#libs/webhooks/src/index.js';
import type { WorkerLog } from './worker-log.js';

/** How long a receiver has to answer one attempt. */
const ATTEMPT_TIMEOUT_MS = 10_000;

export function startWebhookDeliveries(
  redis: Redis,
  config: AppConfig,
  log: WorkerLog,
): Worker<DeliveryJobData> {
  const store = new WebhookStore(redis, config.keyPrefix);
  const worker = new Worker<DeliveryJobData>(WEBHOOK_QUEUE, (job) => deliver(job, store, log), {
    connection: redis,
    prefix: config.keyPrefix,
    concurrency: 4,
  });
  worker.on('failed', (job, error) => {
    if (job === undefined || !isDeliveryJobData(job.data)) return;
    const given = job.attemptsMade >= (job.opts.attempts ?? 1);
    log(given ? 'error' : 'warn', `delivery ${job.data.deliveryId}: ${error.message}`, {
      deliveryId: job.data.deliveryId,
      webhookId: job.data.webhookId,
      scanId: job.data.scanId,
    });
  });
  worker.on('error', (error) => log('error', `webhook worker error: ${error.message}`));
  return worker;
}

async function deliver(
  job: Job<DeliveryJobData>,
  store: WebhookStore,
  log: WorkerLog,
): Promise<void> {
  if (!isDeliveryJobData(job.data)) throw new Error(`not a delivery job: ${job.id ?? '?'}`);
  const data = job.data;
  const webhook = await store.get(data.webhookId);
  if (webhook === undefined) {
    log('info', `delivery ${data.deliveryId} dropped: its webhook was deleted`);
    return;
  }
  const attempt = job.attemptsMade + 1;
  const last = attempt >= (job.opts.attempts ?? 1);
  const recorded = (await store.delivery(data.webhookId, data.deliveryId)) ?? pendingDelivery(data);
  const update = (change: Partial<Delivery>): Promise<void> =>
    store.recordDelivery({
      ...recorded,
      attempts: attempt,
      lastAttemptAt: new Date().toISOString(),
      ...change,
    });
  let response: Response;
  try {
    response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'assonant-gateway-webhooks',
        [EVENT_HEADER]: data.event,
        [DELIVERY_HEADER]: data.deliveryId,
        [SIGNATURE_HEADER]: sign(webhook.secret, data.body),
      },
      body: data.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    const reason = error instanceof Error ? (error.cause ?? error) : error;
    const message = `no answer from ${webhook.url}: ${reason instanceof Error ? reason.message : String(reason)}`;
    await update({ state: last ? 'failed' : 'pending', lastError: message });
    throw new Error(message, { cause: error });
  }
  if (response.status >= 200 && response.status < 300) {
    await update({ state: 'delivered', lastStatus: response.status });
    log('info', `delivery ${data.deliveryId} to webhook ${webhook.id}: ${response.status}`, {
      deliveryId: data.deliveryId,
      scanId: data.scanId,
      attempts: attempt,
    });
    return;
  }
  const message = `${webhook.url} answered ${response.status}`;
  await update({
    state: last ? 'failed' : 'pending',
    lastStatus: response.status,
    lastError: message,
  });
  throw new Error(message);
}
