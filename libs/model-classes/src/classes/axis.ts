import 'reflect-metadata';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import {
  TRANSFORMATION_TYPES,
  type AxisJson,
  type TransformationType,
} from '#libs/model/src/assonant-json.js';
import { Nested } from '../decorators/nested.js';
import { OptionalKey } from '../decorators/optional-key.js';
import { IsAxisReference, IsVector3 } from '../rules/value-rules.js';
import { DataField } from './data-field.js';
import { FIELD, FIELD_SCHEMA } from './field-union.js';
import { TimeSeries } from './time-series.js';

/** A motor position: one NXtransformations axis (an NXlog when it is a TimeSeries). */
@ApiExtraModels(DataField, TimeSeries)
export class Axis implements AxisJson {
  @ApiProperty({
    ...FIELD_SCHEMA,
    description: 'The position: a DataField, or a TimeSeries when the axis was scanned.',
  })
  @Nested(() => FIELD)
  value!: DataField | TimeSeries;

  @ApiProperty({ enum: TRANSFORMATION_TYPES, example: 'rotation' })
  @IsIn(TRANSFORMATION_TYPES)
  transformation_type!: TransformationType;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'number' },
    minItems: 3,
    maxItems: 3,
    description: 'Direction of the axis in the NeXus (McStas) frame.',
    example: [0, 1, 0],
  })
  @OptionalKey()
  @IsVector3()
  vector?: [number, number, number];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'number' },
    minItems: 3,
    maxItems: 3,
    description: 'Offset applied before the transformation, in offset_units.',
    example: [0, 0, 0],
  })
  @OptionalKey()
  @IsVector3()
  offset?: [number, number, number];

  @ApiPropertyOptional({ description: 'Unit of offset.', example: 'mm' })
  @OptionalKey()
  @IsString()
  offset_units?: string;

  @ApiPropertyOptional({
    description: 'The next axis of the chain (a name in the same positions map), or "." to end it.',
    example: '.',
  })
  @OptionalKey()
  @IsAxisReference()
  depends_on?: string;
}
