import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENTS } from '#libs/webhooks/src/index.js';

export class WebhookResponse {
  @ApiProperty({ example: 'wh_5d1c0f2e9a7b' }) id!: string;
  @ApiProperty({ example: 'https://processing.example.org/hooks/nexus' }) url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events!: string[];
  @ApiPropertyOptional({ example: 'MOGNO' }) beamline?: string;
  @ApiProperty({ example: '2024-04-25T19:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ description: 'The key id that made it ("anonymous" without keys).' })
  createdBy!: string;
}

export class WebhookCreatedResponse extends WebhookResponse {
  @ApiProperty({
    description:
      'HMAC-SHA256 key of the X-Assonant-Signature header (sha256=<hex of the body>). Shown this once.',
    example: 'whsec_…',
  })
  secret!: string;
}

export class WebhookListResponse {
  @ApiProperty({ type: [WebhookResponse] }) items!: WebhookResponse[];
}

export class DeliveryResponse {
  @ApiProperty({ description: 'Also sent as X-Assonant-Delivery: deduplicate on it.' })
  deliveryId!: string;
  @ApiProperty() webhookId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event!: string;
  @ApiProperty() scanId!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) state!: string;
  @ApiProperty({ description: 'Attempts made so far.' }) attempts!: number;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional() lastAttemptAt?: string;
  @ApiPropertyOptional({ description: 'The receiver’s last HTTP status.' }) lastStatus?: number;
  @ApiPropertyOptional() lastError?: string;
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse], description: 'Newest first.' })
  items!: DeliveryResponse[];
}
