/**
 * Tells the webhooks when a scan is written or has failed for good, by
 * queueing their deliveries (libs/webhooks). Failing to queue them fails
 * the write job's attempt, which runs again and queues them then: the
 * delivery ids make that repeat harmless.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '#libs/config/src/index.js';
import type { ScanState } from '#libs/model/src/scan/scan-state.js';
import {
  emitScanEvent,
  WEBHOOK_QUEUE,
  WebhookStore,
  type DeliveryJobData,
  type ScanEventSubject,
  type WebhookEvent,
} from '#libs/webhooks/src/index.js';

export interface ScanNotifier {
  notify(event: WebhookEvent, scan: ScanState, occurredAt: string): Promise<void>;
  close(): Promise<void>;
}

export function createScanNotifier(redis: Redis, config: AppConfig): ScanNotifier {
  const queue = new Queue<DeliveryJobData>(WEBHOOK_QUEUE, {
    connection: redis,
    prefix: config.keyPrefix,
  });
  const store = new WebhookStore(redis, config.keyPrefix);
  const options = { attempts: config.webhookAttempts, backoffMs: config.webhookBackoffMs };
  return {
    notify: async (event, scan, occurredAt) => {
      await emitScanEvent(queue, store, options, event, subjectOf(scan), occurredAt);
    },
    close: () => queue.close(),
  };
}

function subjectOf(scan: ScanState): ScanEventSubject {
  const { scanId, beamline, proposal, technique, status, file, validation, error } = scan;
  return {
    scanId,
    beamline,
    proposal,
    technique,
    status,
    ...(file !== undefined ? { file } : {}),
    ...(validation !== undefined
      ? {
          validation: {
            definition: validation.definition,
            errors: validation.errors,
            warnings: validation.warnings,
          },
        }
      : {}),
    ...(error !== undefined ? { error } : {}),
  };
}
