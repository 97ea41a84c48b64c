import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator.js';
import { ApiProblem } from '../openapi/api-problem.js';
import { DefinitionDetailResponse, DefinitionSummaryResponse } from './definition.dto.js';
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
  @ApiOkResponse({ type: [DefinitionSummaryResponse], description: 'One summary per template.' })
  listDefinitions(): DefinitionSummary[] {
    return this.definitions.list();
  }

  @Get(':name')
  @ApiOperation({
    summary: 'A template: where each item of the definition comes from in the Assonant tree',
  })
  @ApiParam({ name: 'name', description: 'An application definition.', example: 'NXtomo' })
  @ApiOkResponse({
    type: DefinitionDetailResponse,
    description: 'The template and the requirements of the definition.',
  })
  @ApiProblem(404, 'No template of that name; the detail points a technique to its definition.', {
    code: 'definition_not_found',
    detail: 'CT is a technique; its application definition is NXtomo: GET /v1/definitions/NXtomo.',
    instance: '/v1/definitions/CT',
  })
  getDefinition(@Param('name') name: string): DefinitionDetail {
    return this.definitions.get(name);
  }
}
