/**
 * Queues the notification of a scan that was written or failed for good,
 * to every webhook that asked for it: one delivery job each, and a pending
 * entry in each webhook's log.
 */
import type { Queue } from 'bullmq';
import { DELIVER_JOB, deliveryId, type DeliveryJobData } from './delivery-job.js';
import type { WebhookStore } from './webhook-store.js';
import { matches, pendingDelivery, type WebhookEvent } from './webhook.js';

/** What a receiver is told of the scan. */
export interface ScanEventSubject {
  scanId: string;
  beamline: string;
  proposal: string;
  technique: string;
  status: string;
  file?: { path: string; size: number; sha256: string };
  validation?: { definition: string | null; errors: number; warnings: number };
  error?: string;
}

export interface DeliveryOptions {
  attempts: number;
  /** The first retry's delay, ms; it doubles with each attempt. */
  backoffMs: number;
}

export async function emitScanEvent(
  queue: Queue<DeliveryJobData>,
  store: WebhookStore,
  options: DeliveryOptions,
  event: WebhookEvent,
  scan: ScanEventSubject,
  /** When the scan got there: part of the delivery id, so a repeat is the same delivery. */
  occurredAt: string,
): Promise<number> {
  const webhooks = (await store.listStored()).filter((w) => matches(w, event, scan.beamline));
  for (const webhook of webhooks) {
    const id = deliveryId(event, scan.scanId, webhook.id, occurredAt);
    const body = JSON.stringify({ deliveryId: id, event, occurredAt, scan });
    const data: DeliveryJobData = {
      deliveryId: id,
      webhookId: webhook.id,
      event,
      scanId: scan.scanId,
      body,
    };
    if ((await store.delivery(webhook.id, id)) === undefined) {
      await store.recordDelivery(pendingDelivery(data));
    }
    await queue.add(DELIVER_JOB, data, {
      jobId: id,
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs, jitter: 0.2 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    });
  }
  return webhooks.length;
}
