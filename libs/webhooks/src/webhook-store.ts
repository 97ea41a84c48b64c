/**
 * Webhooks and their delivery logs in Redis: one hash of webhooks (id →
 * JSON, secret included), and per webhook a hash of deliveries (id → JSON)
 * with a list of their ids, newest first, capped.
 */
import type { Redis } from 'ioredis';
import type { Delivery, StoredWebhook, Webhook } from './webhook.js';

/** Deliveries kept in a webhook's log. */
export const DELIVERY_LOG_LENGTH = 200;

export class WebhookStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(webhook: StoredWebhook): Promise<void> {
    await this.redis.hset(this.webhooksKey(), webhook.id, JSON.stringify(webhook));
  }

  async get(id: string): Promise<StoredWebhook | undefined> {
    const text = await this.redis.hget(this.webhooksKey(), id);
    return text === null ? undefined : (JSON.parse(text) as StoredWebhook);
  }

  /** Every webhook, without its secret, oldest first. */
  async list(): Promise<Webhook[]> {
    return (await this.listStored())
      .map(withoutSecret)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async listStored(): Promise<StoredWebhook[]> {
    return Object.values(await this.redis.hgetall(this.webhooksKey())).map(
      (text) => JSON.parse(text) as StoredWebhook,
    );
  }

  /** Removes the webhook and its log; false when there was none. */
  async remove(id: string): Promise<boolean> {
    const [[, removed]] = (await this.redis
      .multi()
      .hdel(this.webhooksKey(), id)
      .del(this.deliveriesKey(id), this.deliveryIdsKey(id))
      .exec()) as [[Error | null, number]];
    return removed === 1;
  }

  /** Records a delivery's state; a new one enters the log, which keeps the newest. */
  async recordDelivery(delivery: Delivery): Promise<void> {
    const { webhookId, deliveryId } = delivery;
    const known = await this.redis.hexists(this.deliveriesKey(webhookId), deliveryId);
    const multi = this.redis
      .multi()
      .hset(this.deliveriesKey(webhookId), deliveryId, JSON.stringify(delivery));
    if (known === 0) {
      multi
        .lpush(this.deliveryIdsKey(webhookId), deliveryId)
        .ltrim(this.deliveryIdsKey(webhookId), 0, DELIVERY_LOG_LENGTH - 1);
    }
    await multi.exec();
  }

  async delivery(webhookId: string, deliveryId: string): Promise<Delivery | undefined> {
    const text = await this.redis.hget(this.deliveriesKey(webhookId), deliveryId);
    return text === null ? undefined : (JSON.parse(text) as Delivery);
  }

  /** The webhook's deliveries, newest first. */
  async deliveries(webhookId: string): Promise<Delivery[]> {
    const ids = await this.redis.lrange(this.deliveryIdsKey(webhookId), 0, -1);
    if (ids.length === 0) return [];
    const texts = await this.redis.hmget(this.deliveriesKey(webhookId), ...ids);
    return texts.flatMap((text) => (text === null ? [] : [JSON.parse(text) as Delivery]));
  }

  private webhooksKey(): string {
    return `${this.prefix}:webhooks`;
  }

  private deliveriesKey(webhookId: string): string {
    return `${this.prefix}:webhook:${webhookId}:deliveries`;
  }

  private deliveryIdsKey(webhookId: string): string {
    return `${this.prefix}:webhook:${webhookId}:delivery-ids`;
  }
}

function withoutSecret(webhook: StoredWebhook): Webhook {
  const { id, url, events, beamline, createdAt, createdBy } = webhook;
  return { id, url, events, ...(beamline !== undefined ? { beamline } : {}), createdAt, createdBy };
}
