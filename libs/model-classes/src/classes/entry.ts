import 'reflect-metadata';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { EntryJson } from '#libs/model/src/assonant-json.js';
import { MapOf } from '../decorators/map-of.js';
import { Nested } from '../decorators/nested.js';
import { OptionalKey } from '../decorators/optional-key.js';
import { ACQUISITION_MOMENTS, ENTRY_NAMES, EXPERIMENT_STAGES } from '#libs/model/src/naming.js';
import { Beamline } from './beamline.js';
import { DataField } from './data-field.js';
import { FIELD_SCHEMA, FIELDS_MAP } from './field-union.js';
import { TimeSeries } from './time-series.js';

const ENTRY_NAME_MESSAGE =
  `name must be <stage>_<moment>, e.g. sample_acquisition_start, with stage one of ` +
  `${EXPERIMENT_STAGES.join(', ')} and moment one of ${ACQUISITION_MOMENTS.join(', ')}`;

/** One stage × moment snapshot of an experiment; becomes an NXentry named after it. */
@ApiExtraModels(DataField, TimeSeries)
export class Entry implements EntryJson {
  @ApiProperty({
    enum: ENTRY_NAMES,
    description: '`<stage>_<moment>`: the NXentry name.',
    example: 'sample_acquisition_start',
  })
  @IsIn(ENTRY_NAMES, { message: ENTRY_NAME_MESSAGE })
  name!: string;

  @ApiProperty({ type: () => Beamline, description: 'The instrument and every device in it.' })
  @Nested(() => Beamline)
  beamline!: Beamline;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: FIELD_SCHEMA,
    description: 'Datasets of the entry itself, by name (proposal_id, start_time, ...).',
    example: { proposal_id: { value: '20240123', unit: null, extra_metadata: {} } },
  })
  @OptionalKey()
  @MapOf(FIELDS_MAP)
  fields?: Record<string, DataField | TimeSeries>;
}
