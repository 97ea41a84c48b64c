import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import { IsArray } from 'class-validator';
import type { DataFieldJson, FieldValue } from '#libs/model/src/assonant-json.js';
import { IsFieldValue } from '../rules/value-rules.js';
import { DataFieldBase } from './data-field-base.js';

/**
 * The samples of a TimeSeries: a DataField whose value is an array, one
 * sample (a scalar, or an array for multi-dimensional samples) per timestamp.
 */
export class TimeSeriesSamples extends DataFieldBase implements DataFieldJson {
  @ApiProperty({
    type: 'array',
    items: {},
    description: 'One sample per timestamp; samples may themselves be arrays (all of one shape).',
    example: [22.0, 22.001, 21.999],
  })
  @IsFieldValue()
  @IsArray({ message: 'value must be an array with one sample per timestamp' })
  value!: FieldValue[];
}
