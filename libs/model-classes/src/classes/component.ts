import 'reflect-metadata';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { ComponentJson } from '#libs/model/src/assonant-json.js';
import { COMPONENT_CLASSES, type ComponentClass } from '#libs/model/src/component-classes.js';
import type { ElementMapOptions } from '../decorators/map-of.js';
import { MapOf } from '../decorators/map-of.js';
import { OptionalKey } from '../decorators/optional-key.js';
import { IsLinkName, IsLinkNameConstraint } from '../rules/value-rules.js';
import { Axis } from './axis.js';
import { DataField } from './data-field.js';
import { FIELD_SCHEMA, FIELDS_MAP } from './field-union.js';
import { TimeSeries } from './time-series.js';

/**
 * Components nest at most this deep, the outermost (a Beamline or a device)
 * being level 1. Real instruments nest 3 or 4 levels; the bound keeps a hostile
 * body from costing stack or time.
 */
export const MAX_COMPONENT_DEPTH = 32;

const SUBCOMPONENTS_MAP: ElementMapOptions = {
  description: 'Component objects',
  key: IsLinkNameConstraint,
  element: () => Component,
  keyProperty: 'name',
  maxDepth: MAX_COMPONENT_DEPTH,
};

const POSITIONS_MAP: ElementMapOptions = {
  description: 'Axis objects',
  key: IsLinkNameConstraint,
  element: () => Axis,
};

/**
 * What every component has. `Component` adds the required `class`; `Beamline`
 * (the top of an Entry) makes it optional.
 */
@ApiExtraModels(DataField, TimeSeries, Axis)
export class ComponentBase {
  @ApiProperty({
    description: 'Name of the device; becomes its HDF5 group name.',
    example: 'monochromator',
    maxLength: 255,
  })
  @IsLinkName()
  name!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath('Component') },
    description: `Parts of this device, by name (each key equals the part's name); at most ${MAX_COMPONENT_DEPTH} levels deep.`,
    example: {},
  })
  @OptionalKey()
  @MapOf(SUBCOMPONENTS_MAP)
  subcomponents?: Record<string, Component>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(Axis) },
    description: 'Motor positions by axis name; they become NXtransformations.',
    example: {
      bragg: { value: { value: 5.1569, unit: 'deg' }, transformation_type: 'rotation' },
    },
  })
  @OptionalKey()
  @MapOf(POSITIONS_MAP)
  positions?: Record<string, Axis>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: FIELD_SCHEMA,
    description: 'Readings by name: DataField, or TimeSeries when the value has timestamps.',
    example: { energy: { value: 22.0, unit: 'keV', extra_metadata: {} } },
  })
  @OptionalKey()
  @MapOf(FIELDS_MAP)
  fields?: Record<string, DataField | TimeSeries>;
}

/** A device: its class decides the NeXus base class of its group. */
export class Component extends ComponentBase implements ComponentJson {
  @ApiProperty({
    enum: COMPONENT_CLASSES,
    description: "One of Assonant's component classes; decides the NX_class.",
    example: 'Monochromator',
  })
  @IsIn(COMPONENT_CLASSES)
  class!: ComponentClass;
}
