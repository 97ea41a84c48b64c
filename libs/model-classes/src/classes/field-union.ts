import { getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { oneOf } from '../decorators/class-type.js';
import type { ElementMapOptions } from '../decorators/map-of.js';
import { isJsonObject } from '#libs/model/src/rules/json-object.js';
import { IsLinkNameConstraint } from '../rules/value-rules.js';
import { DataField } from './data-field.js';
import { TimeSeries } from './time-series.js';

/** A field is a TimeSeries when it carries `timestamps`, otherwise a DataField (as in Assonant). */
export const FIELD = oneOf('DataField or TimeSeries', [DataField, TimeSeries], (value) =>
  isJsonObject(value) && Object.hasOwn(value, 'timestamps') ? TimeSeries : DataField,
);

/** `fields` of an Entry or a Component: name → DataField or TimeSeries. */
export const FIELDS_MAP: ElementMapOptions = {
  description: 'DataField or TimeSeries objects',
  key: IsLinkNameConstraint,
  element: () => FIELD,
};

/** Schema of one field; the classes using it must list DataField and TimeSeries in @ApiExtraModels. */
export const FIELD_SCHEMA: Pick<SchemaObject, 'oneOf'> = {
  oneOf: [{ $ref: getSchemaPath(DataField) }, { $ref: getSchemaPath(TimeSeries) }],
};
