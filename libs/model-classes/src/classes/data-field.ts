import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import type { DataFieldJson, FieldValue } from '#libs/model/src/assonant-json.js';
import type { BinaryReferenceJson } from '#libs/model/src/index.js';
import { IsFieldValue } from '../rules/value-rules.js';
import { BINARY_REFERENCE_SCHEMA, DataFieldBase, FIELD_VALUE_SCHEMA } from './data-field-base.js';

/** One value with its unit: becomes an HDF5 dataset; `extra_metadata` become its attributes. */
export class DataField extends DataFieldBase implements DataFieldJson {
  @ApiProperty({
    ...FIELD_VALUE_SCHEMA,
    oneOf: [...(FIELD_VALUE_SCHEMA.oneOf ?? []), BINARY_REFERENCE_SCHEMA],
    description:
      'A number, string, boolean or null (the PV could not be read), or a rectangular (nested) ' +
      'array of numbers (null allowed), strings or booleans; or {"array": "<arrayId>"} naming an ' +
      'array uploaded to POST /v1/scans/{scanId}/arrays, or {"stream": "<name>"} naming a frame ' +
      'stream. The key is required.',
    example: 22.0,
  })
  @IsFieldValue()
  value!: FieldValue | BinaryReferenceJson;
}
