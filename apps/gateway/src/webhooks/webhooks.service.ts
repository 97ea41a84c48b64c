/** Webhooks: made (with a secret shown once), listed, deleted, and their delivery logs. */
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '#libs/config/src/index.js';
import { canonicalBeamline } from '#libs/model/src/index.js';
import {
  newWebhookSecret,
  WebhookStore,
  type Delivery,
  type StoredWebhook,
  type Webhook,
} from '#libs/webhooks/src/index.js';
import { DomainError } from '../problem/domain-error.js';
import { APP_CONFIG, PRODUCER_REDIS } from '../redis/tokens.js';
import type { CreateWebhookRequest } from './dto/create-webhook.request.js';

@Injectable()
export class WebhooksService {
  private readonly store: WebhookStore;

  constructor(@Inject(PRODUCER_REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.store = new WebhookStore(redis, config.keyPrefix);
  }

  async create(request: CreateWebhookRequest, createdBy: string): Promise<StoredWebhook> {
    const webhook: StoredWebhook = {
      id: `wh_${randomBytes(6).toString('hex')}`,
      url: request.url,
      events: [...request.events],
      ...(request.beamline !== undefined ? { beamline: canonicalBeamline(request.beamline) } : {}),
      createdAt: new Date().toISOString(),
      createdBy,
      secret: newWebhookSecret(),
    };
    await this.store.add(webhook);
    return webhook;
  }

  list(): Promise<Webhook[]> {
    return this.store.list();
  }

  async remove(id: string): Promise<void> {
    if (!(await this.store.remove(id))) throw notFound(id);
  }

  async deliveries(id: string): Promise<Delivery[]> {
    if ((await this.store.get(id)) === undefined) throw notFound(id);
    return this.store.deliveries(id);
  }
}

function notFound(id: string): DomainError {
  return new DomainError('webhook_not_found', `There is no webhook ${id}.`);
}
