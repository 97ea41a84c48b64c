/**
 * The contract of the delivery queue. A delivery's id is derived from what
 * it reports (event, scan, webhook, and when the scan got there), so that
 * emitting it again — a worker that died after recording the file and
 * before queueing its notifications runs the job again — adds the same
 * BullMQ job, stored once: nothing lost, nothing doubled. The body is fixed
 * when the job is made, so every attempt sends the same bytes and signature.
 */
import { createHash } from 'node:crypto';
import type { WebhookEvent } from './webhook.js';

export const WEBHOOK_QUEUE = 'webhook-delivery';
export const DELIVER_JOB = 'deliver';

export interface DeliveryJobData {
  deliveryId: string;
  webhookId: string;
  event: WebhookEvent;
  scanId: string;
  /** The JSON text POSTed, exactly. */
  body: string;
}

export function deliveryId(
  event: WebhookEvent,
  scanId: string,
  webhookId: string,
  at: string,
): string {
  const digest = createHash('sha256').update(JSON.stringify([event, scanId, webhookId, at]));
  return `dlv_${digest.digest('hex').slice(0, 32)}`;
}

export function isDeliveryJobData(data: unknown): data is DeliveryJobData {
  if (typeof data !== 'object' || data === null) return false;
  const job = data as Record<string, unknown>;
  return ['deliveryId', 'webhookId', 'event', 'scanId', 'body'].every(
    (key) => typeof job[key] === 'string',
  );
}
