/** The technique templates and the NXDL requirements they answer, as served to clients. */
import { Injectable } from '@nestjs/common';
import { nearMiss, TECHNIQUES } from '#libs/model/src/index.js';
import { getTemplate, listTemplates, templateForTechnique } from '#libs/techniques/src/index.js';
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
    if (template === undefined) throw new DomainError('definition_not_found', notFound(name));
    return template;
  }
}

/** Points a technique to its definition, a near miss to the right name, anything else to the list. */
function notFound(name: string): string {
  const known = listTemplates().map((summary) => summary.definition);
  const technique = TECHNIQUES.find((t) => t.toLowerCase() === name.toLowerCase());
  if (technique !== undefined) {
    const template = templateForTechnique(technique);
    return template === undefined
      ? `${technique} is a technique, and it has no application definition here yet. ` +
          `The definitions are ${known.join(', ')}.`
      : `${technique} is a technique; its application definition is ${template.definition}: ` +
          `GET /v1/definitions/${template.definition}.`;
  }
  const suggestion = nearMiss(name, known);
  return suggestion !== undefined
    ? `There is no definition ${name}; did you mean ${suggestion}? GET /v1/definitions/${suggestion}.`
    : `There is no definition ${name}. The definitions are ${known.join(', ')}.`;
}
