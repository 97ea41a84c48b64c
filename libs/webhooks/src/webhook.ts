/** A subscription to scan events: where to POST them, which, for which beamline. */
export const WEBHOOK_EVENTS = ['scan.written', 'scan.failed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  /** Only this beamline's scans; every beamline when absent. */
  beamline?: string;
  createdAt: string;
  createdBy: string;
}

/** The stored form: with the secret the deliveries are signed with. */
export interface StoredWebhook extends Webhook {
  secret: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One delivery of one event to one webhook, as its log shows it. */
export interface Delivery {
  deliveryId: string;
  webhookId: string;
  event: WebhookEvent;
  scanId: string;
  state: DeliveryState;
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  /** The receiver's last HTTP status, if it answered. */
  lastStatus?: number;
  lastError?: string;
}

export function matches(webhook: Webhook, event: WebhookEvent, beamline: string): boolean {
  return (
    webhook.events.includes(event) &&
    (webhook.beamline === undefined || webhook.beamline === beamline)
  );
}

/** A delivery as its log first shows it: queued, not yet attempted. */
export function pendingDelivery(
  job: Pick<Delivery, 'deliveryId' | 'webhookId' | 'event' | 'scanId'>,
): Delivery {
  const { deliveryId, webhookId, event, scanId } = job;
  return {
    deliveryId,
    webhookId,
    event,
    scanId,
    state: 'pending',
    attempts: 0,
    createdAt: new Date().toISOString(),
  };
}
