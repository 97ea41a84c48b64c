/** Looking templates up: by technique (the worker), by name (the API), and their hints. */
import type { Technique } from '#libs/model/src/naming.js';
import type { TechniqueTemplate } from './template-schema.js';
import { TEMPLATES } from './templates/index.js';

export interface TemplateSummary {
  definition: string;
  techniques: Technique[];
  description: string;
}

/** The template whose techniques include `technique`, or undefined (no technique entry). */
export function templateForTechnique(technique: string): TechniqueTemplate | undefined {
  return TEMPLATES.find((t) => (t.techniques as readonly string[]).includes(technique));
}

export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ definition, techniques, description }) => ({
    definition,
    techniques: [...techniques],
    description,
  }));
}

/** A deep copy of the template named `name` (e.g. "NXtomo"), safe to serialise or hand out. */
export function getTemplate(name: string): TechniqueTemplate | undefined {
  const found = TEMPLATES.find((t) => t.definition === name);
  return found === undefined ? undefined : structuredClone<TechniqueTemplate>(found);
}

/** What to send to fill `pathInEntry` (e.g. "sample/rotation_angle") of `definition`. */
export function hintFor(definition: string, pathInEntry: string): string | undefined {
  const template = TEMPLATES.find((t) => t.definition === definition);
  return template?.items.find((item) => item.path === pathInEntry)?.send;
}
