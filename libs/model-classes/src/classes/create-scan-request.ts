import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalKey } from '../decorators/optional-key.js';
import {
  TECHNIQUE_LIST,
  TECHNIQUE_RULE,
  TECHNIQUES,
  type Technique,
} from '#libs/model/src/naming.js';
import type { CreateScanRequestJson } from '#libs/model/src/request-json.js';
import { SAFE_NAME_PATTERN } from '#libs/model/src/rules/identifiers.js';
import { IsZonedDateTime } from '../rules/value-rules.js';

const SAFE_NAME_RULE =
  'must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit';

export const MAX_TITLE_LENGTH = 500;

/** Body of `POST /v1/scans`. */
export class CreateScanRequest implements CreateScanRequestJson {
  @ApiProperty({
    pattern: SAFE_NAME_PATTERN.source,
    description: 'Beamline name; any name is accepted, not only the Sirius ones.',
    example: 'MOGNO',
  })
  @Matches(SAFE_NAME_PATTERN, { message: `beamline ${SAFE_NAME_RULE}` })
  beamline!: string;

  @ApiProperty({
    pattern: SAFE_NAME_PATTERN.source,
    description: 'Proposal number.',
    example: '20240123',
  })
  @Matches(SAFE_NAME_PATTERN, { message: `proposal ${SAFE_NAME_RULE}` })
  proposal!: string;

  @ApiProperty({
    enum: TECHNIQUES,
    description: `Experimental technique; selects the NeXus application definition. ${TECHNIQUE_LIST}.`,
    example: 'CT',
  })
  @IsIn(TECHNIQUES, { message: TECHNIQUE_RULE })
  technique!: Technique;

  @ApiPropertyOptional({ maxLength: MAX_TITLE_LENGTH, example: 'Sandstone core A3, 10x objective' })
  @OptionalKey()
  @IsString()
  @MaxLength(MAX_TITLE_LENGTH)
  title?: string;

  @ApiPropertyOptional({
    pattern: SAFE_NAME_PATTERN.source,
    description: 'Chosen by the client so that opening is idempotent; generated when absent.',
    example: 'mogno-20240123-0001',
  })
  @OptionalKey()
  @Matches(SAFE_NAME_PATTERN, { message: `scanId ${SAFE_NAME_RULE}` })
  scanId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'ISO 8601 date-time with a time zone.',
    example: '2024-04-25T16:00:00-03:00',
  })
  @OptionalKey()
  @IsZonedDateTime()
  startTime?: string;
}
