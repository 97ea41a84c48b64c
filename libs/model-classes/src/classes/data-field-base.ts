import 'reflect-metadata';
import { ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { MetadataValue } from '#libs/model/src/assonant-json.js';
import { MapOf } from '../decorators/map-of.js';
import { OptionalKey } from '../decorators/optional-key.js';
import { METADATA_MAP } from './metadata-map.js';

/** The schema of a dataset or attribute value. */
export const FIELD_VALUE_SCHEMA: Pick<SchemaObject, 'nullable' | 'oneOf'> = {
  nullable: true,
  oneOf: [
    { type: 'number' },
    { type: 'string' },
    { type: 'boolean' },
    { type: 'array', items: {} },
  ],
};

/** The schema of a value that names uploaded data instead of holding it. */
export const BINARY_REFERENCE_SCHEMA: SchemaObject = {
  type: 'object',
  description: '{"array": "<arrayId>"} or {"stream": "<name>"}',
  properties: { array: { type: 'string' }, stream: { type: 'string' } },
  minProperties: 1,
  maxProperties: 1,
};

/**
 * What every DataField has besides its value. DataField and the two parts of
 * a TimeSeries differ only in what `value` may be, so each declares just that.
 */
export abstract class DataFieldBase {
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    description:
      'Unit of the value (written as the NeXus `units` attribute); null or absent: none.',
    example: 'keV',
  })
  @IsOptional()
  @IsString({ message: 'unit must be a string or null' })
  unit?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: FIELD_VALUE_SCHEMA,
    description: 'Attributes of the dataset: name → number, string, boolean, null or array.',
    example: { pv_name: 'MGN:A:DCM:Energy_RBV' },
  })
  @OptionalKey()
  @MapOf(METADATA_MAP)
  extra_metadata?: Record<string, MetadataValue>;
}
