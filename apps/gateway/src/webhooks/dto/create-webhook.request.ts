import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '#libs/webhooks/src/index.js';

export class CreateWebhookRequest {
  @ApiProperty({
    description: 'Where each delivery is POSTed (http or https).',
    example: 'https://processing.example.org/hooks/nexus',
  })
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;

  @ApiProperty({ description: 'Which events to deliver.', enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events!: WebhookEvent[];

  @ApiPropertyOptional({
    description: 'Only this beamline’s scans (all when absent).',
    example: 'MOGNO',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
  beamline?: string;
}
