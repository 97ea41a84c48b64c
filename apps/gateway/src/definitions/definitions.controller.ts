import { Controller, Get, Param } from '@nestjs/common';
import { Public } from '../auth/access.decorator.js';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DefinitionsService,
  type DefinitionDetail,
  type DefinitionSummary,
} from './definitions.service.js';

@ApiTags('definitions')
@Public()
@Controller('v1/definitions')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Get()
  @ApiOperation({ summary: 'The application definitions files are written for, by technique' })
  @ApiOkResponse({ description: 'One summary per template.' })
  listDefinitions(): DefinitionSummary[] {
    return this.definitions.list();
  }

  @Get(':name')
  @ApiOperation({
    summary: 'A template: where each item of the definition comes from in the Assonant tree',
  })
  @ApiOkResponse({ description: 'The template and the requirements of the definition.' })
  @ApiNotFoundResponse({ description: 'No template of that name.' })
  getDefinition(@Param('name') name: string): DefinitionDetail {
    return this.definitions.get(name);
  }
}
