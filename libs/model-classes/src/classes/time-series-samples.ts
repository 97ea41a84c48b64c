import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf, IsArray } from 'class-validator';
import type { DataFieldJson, FieldValue } from '#libs/model/src/assonant-json.js';
import { claimsBinaryReference, type BinaryReferenceJson } from '#libs/model/src/index.js';
import { IsFieldValue } from '../rules/value-rules.js';
import { BINARY_REFERENCE_SCHEMA, DataFieldBase } from './data-field-base.js';

/**
 * The samples of a TimeSeries: a DataField whose value is an array, one
 * sample (a scalar, or an array for multi-dimensional samples) per timestamp.
 */
export class TimeSeriesSamples extends DataFieldBase implements DataFieldJson {
  @ApiProperty({
    oneOf: [{ type: 'array', items: {} }, BINARY_REFERENCE_SCHEMA],
    description:
      'One sample per timestamp; samples may themselves be arrays (all of one shape). Or ' +
      '{"array": "<arrayId>"} / {"stream": "<name>"}: uploaded data whose first axis is the samples.',
    example: [22.0, 22.001, 21.999],
  })
  @IsFieldValue()
  @ValidateIf((_series, value) => !claimsBinaryReference(value))
  @IsArray({ message: 'value must be an array with one sample per timestamp' })
  value!: FieldValue[] | BinaryReferenceJson;
}
