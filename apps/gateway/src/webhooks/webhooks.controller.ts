/**
 * Webhooks (admin): downstream processing is told when a scan's file is
 * written or its write failed, instead of polling. Deliveries are queued,
 * retried with backoff, signed, and logged per webhook.
 */
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminOnly } from '../auth/access.decorator.js';
import { authenticatedKey } from '../auth/authenticate-on-request.js';
import { ApiProblem } from '../openapi/api-problem.js';
import {
  ApiIgnoredBodyProblems,
  ApiJsonBodyProblems,
  ApiScopeProblems,
  ApiStoreProblems,
} from '../openapi/common-problems.js';
import { CreateWebhookRequest } from './dto/create-webhook.request.js';
import {
  DeliveryListResponse,
  WebhookCreatedResponse,
  WebhookListResponse,
} from './dto/webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

const WEBHOOKS = '/v1/webhooks';

const ApiWebhookNotFound = (): MethodDecorator =>
  ApiProblem(404, 'No webhook has that id.', {
    code: 'webhook_not_found',
    detail: 'There is no webhook wh_5d1c0f2e9a7b.',
    instance: `${WEBHOOKS}/wh_5d1c0f2e9a7b`,
  });

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiStoreProblems()
@AdminOnly()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Subscribe a URL to scan.written and scan.failed (admin)',
    description:
      'Each delivery is a POST of JSON {deliveryId, event, occurredAt, scan}, with the headers ' +
      'X-Assonant-Event, X-Assonant-Delivery (the same on every retry: deduplicate on it) and ' +
      'X-Assonant-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>. A 2xx ends ' +
      'it; anything else is retried with exponential backoff (WEBHOOK_ATTEMPTS, WEBHOOK_BACKOFF_MS).',
  })
  @ApiCreatedResponse({
    type: WebhookCreatedResponse,
    description: 'Made; its secret is shown this once.',
  })
  @ApiJsonBodyProblems(WEBHOOKS)
  @ApiProblem(422, 'The body breaks a rule; the violations name each one.', {
    code: 'validation_failed',
    detail: 'The request body breaks 1 rule(s); see violations.',
    instance: WEBHOOKS,
    violations: [
      {
        path: 'events.0',
        rule: 'isIn',
        message: 'each value in events must be one of scan.written, scan.failed',
      },
    ],
  })
  @ApiScopeProblems('The key lacks the admin scope.')
  async create(
    @Body() body: CreateWebhookRequest,
    @Req() request: FastifyRequest,
  ): Promise<WebhookCreatedResponse> {
    return this.webhooks.create(body, authenticatedKey(request)?.id ?? 'anonymous');
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook, without its secret (admin)' })
  @ApiOkResponse({ type: WebhookListResponse })
  @ApiScopeProblems('The key lacks the admin scope.')
  async list(): Promise<WebhookListResponse> {
    return { items: await this.webhooks.list() };
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its delivery log (admin)' })
  @ApiNoContentResponse({ description: 'Deleted; its pending deliveries are dropped.' })
  @ApiWebhookNotFound()
  @ApiScopeProblems('The key lacks the admin scope.')
  @ApiIgnoredBodyProblems(`${WEBHOOKS}/wh_5d1c0f2e9a7b`)
  async remove(@Param('webhookId') webhookId: string): Promise<void> {
    await this.webhooks.remove(webhookId);
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'The delivery log of a webhook, newest first (admin)' })
  @ApiOkResponse({ type: DeliveryListResponse })
  @ApiWebhookNotFound()
  @ApiScopeProblems('The key lacks the admin scope.')
  async deliveries(@Param('webhookId') webhookId: string): Promise<DeliveryListResponse> {
    return { items: await this.webhooks.deliveries(webhookId) };
  }
}
