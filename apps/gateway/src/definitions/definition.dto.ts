/** Response schemas of the definitions routes; the values are libs/techniques' templates. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TECHNIQUES, type Technique } from '#libs/model/src/index.js';
import type {
  Expect,
  PlotSpec,
  Requirement,
  RoleSpec,
  Source,
  TechniqueTemplate,
  TemplateItem,
  TemplateSummary,
} from '#libs/techniques/src/index.js';

export class DefinitionSummaryResponse implements TemplateSummary {
  @ApiProperty({ description: 'NeXus application definition.', example: 'NXtomo' })
  definition!: string;

  @ApiProperty({ enum: TECHNIQUES, isArray: true, example: ['CT'] })
  techniques!: Technique[];

  @ApiProperty({
    example:
      'Computed tomography: projections, flat and dark fields with image_key and rotation_angle per frame',
  })
  description!: string;
}

class TemplateItemResponse implements TemplateItem {
  @ApiProperty({ description: 'Path in the technique entry.', example: 'sample/rotation_angle' })
  path!: string;

  @ApiProperty({ enum: ['required', 'recommended', 'optional'] })
  requirement!: Requirement;

  @ApiProperty({
    description:
      'Where the value comes from, candidates tried in order; `from` is component, entry, ' +
      'constant, external, item or derived.',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ from: 'component', role: 'sample', axis: 'rotation_angle' }],
  })
  sources!: Source[];

  @ApiPropertyOptional({
    description: 'What a value must look like for NeXus.',
    type: 'object',
    additionalProperties: true,
    example: { type: 'float', rank: 1 },
  })
  expect?: Expect;

  @ApiProperty({
    description: 'What to send to fill the item, in Assonant terms.',
    example: 'Sample.positions.rotation_angle',
  })
  send!: string;
}

export class DefinitionDetailResponse
  extends DefinitionSummaryResponse
  implements TechniqueTemplate
{
  @ApiProperty({
    description: 'NX_class of every group of the entry, by path in the entry.',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { instrument: 'NXinstrument', 'instrument/detector': 'NXdetector' },
  })
  groups!: Record<string, string>;

  @ApiProperty({
    description: 'The devices the template reads from, found among the components by class.',
    type: 'object',
    additionalProperties: true,
    example: {
      detector: { classes: ['Detector'], send: 'a Detector component with data_file' },
    },
  })
  roles!: Record<string, RoleSpec>;

  @ApiProperty({ type: [TemplateItemResponse] })
  items!: TemplateItemResponse[];

  @ApiProperty({
    description: 'The plottable NXdata: its signal, axes and AXISNAME_indices.',
    type: 'object',
    additionalProperties: true,
    example: {
      group: 'data',
      signal: 'data',
      axes: ['rotation_angle', '.', '.'],
      indices: { rotation_angle: 0 },
    },
  })
  plot!: PlotSpec;
}
