import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { OptionalKey } from '../decorators/optional-key.js';
import {
  ACQUISITION_MOMENTS,
  EXPERIMENT_STAGES,
  type AcquisitionMoment,
  type ExperimentStage,
} from '#libs/model/src/naming.js';
import { EVENT_ID_PATTERN } from '#libs/model/src/rules/identifiers.js';
import { IsZonedDateTime } from '../rules/value-rules.js';

/** What every reading taken at one stage and moment carries: a device event, a PV snapshot. */
export abstract class MomentEventBase {
  @ApiProperty({ enum: EXPERIMENT_STAGES, example: 'sample_acquisition' })
  @IsIn(EXPERIMENT_STAGES)
  stage!: ExperimentStage;

  @ApiProperty({ enum: ACQUISITION_MOMENTS, example: 'start' })
  @IsIn(ACQUISITION_MOMENTS)
  moment!: AcquisitionMoment;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When it was read: ISO 8601 date-time with a time zone.',
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
}
