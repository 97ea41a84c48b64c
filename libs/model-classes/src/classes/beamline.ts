import 'reflect-metadata';
import { ApiExtraModels, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import type { BeamlineJson } from '#libs/model/src/assonant-json.js';
import { OptionalKey } from '../decorators/optional-key.js';
import { Component, ComponentBase } from './component.js';

/** The top component of an Entry; becomes the `instrument` group (NXinstrument). */
@ApiExtraModels(Component)
export class Beamline extends ComponentBase implements BeamlineJson {
  @ApiPropertyOptional({
    enum: ['Beamline'],
    description: 'May be left out: the top of an Entry can only be a Beamline.',
    example: 'Beamline',
  })
  @OptionalKey()
  @Equals('Beamline', { message: 'class of an Entry\'s beamline must be "Beamline"' })
  class?: 'Beamline';
}
