import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsNumber } from 'class-validator';
import type { DataFieldJson } from '#libs/model/src/assonant-json.js';
import { DataFieldBase } from './data-field-base.js';

/** The timestamps of a TimeSeries: a DataField whose value lists epoch seconds. */
export class TimeSeriesTimestamps extends DataFieldBase implements DataFieldJson {
  @ApiProperty({
    type: 'array',
    items: { type: 'number' },
    description: 'Epoch seconds, one per sample (unit `s`).',
    example: [1714060800.0, 1714060800.5, 1714060801.0],
  })
  @IsArray({ message: 'value must be an array of epoch seconds' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { each: true, message: 'value must hold only numbers (epoch seconds)' },
  )
  value!: number[];
}
