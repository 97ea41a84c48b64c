/** The technique templates and the NXDL requirements they answer, as served to clients. */
import { Injectable } from '@nestjs/common';
import { getTemplate, listTemplates } from '#libs/techniques/src/index.js';
import { DomainError } from '../problem/domain-error.js';

export type DefinitionSummary = ReturnType<typeof listTemplates>[number];
export type DefinitionDetail = NonNullable<ReturnType<typeof getTemplate>>;

@Injectable()
export class DefinitionsService {
  list(): DefinitionSummary[] {
    return listTemplates();
  }

  get(name: string): DefinitionDetail {
    const template = getTemplate(name);
    if (template === undefined) {
      throw new DomainError('definition_not_found', `There is no template for ${name}.`);
    }
    return template;
  }
}
