import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Nested } from '../decorators/nested.js';
import { OptionalKey } from '../decorators/optional-key.js';
import {
  ACQUISITION_MOMENTS,
  EXPERIMENT_STAGES,
  type AcquisitionMoment,
  type ExperimentStage,
} from '#libs/model/src/naming.js';
import type { DeviceEventRequestJson } from '#libs/model/src/request-json.js';
import { EVENT_ID_PATTERN } from '#libs/model/src/rules/identifiers.js';
import { IsZonedDateTime } from '../rules/value-rules.js';
import { Component } from './component.js';

/** Body of `POST /v1/scans/{scanId}/devices`: one device read at one stage and moment. */
export class DeviceEventRequest implements DeviceEventRequestJson {
  @ApiProperty({ enum: EXPERIMENT_STAGES, example: 'sample_acquisition' })
  @IsIn(EXPERIMENT_STAGES)
  stage!: ExperimentStage;

  @ApiProperty({ enum: ACQUISITION_MOMENTS, example: 'start' })
  @IsIn(ACQUISITION_MOMENTS)
  moment!: AcquisitionMoment;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the device was read: ISO 8601 date-time with a time zone.',
    example: '2024-04-25T16:00:05-03:00',
  })
  @OptionalKey()
  @IsZonedDateTime()
  timestamp?: string;

  @ApiPropertyOptional({
    pattern: EVENT_ID_PATTERN.source,
    description: 'Makes the event idempotent: the same id twice is stored once.',
    example: 'mogno-dcm-start-0001',
  })
  @OptionalKey()
  @Matches(EVENT_ID_PATTERN, {
    message:
      'eventId must be 1 to 128 letters, digits, "_", "-", "." or ":", starting with a letter or digit',
  })
  eventId?: string;

  @ApiProperty({ type: () => Component, description: 'The device and its parts.' })
  @Nested(() => Component)
  device!: Component;
}
