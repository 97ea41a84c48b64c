/** Technique-centric NeXus entries: application-definition templates and the entry they build. */
export type * from './template-schema.js';
export {
  addTechniqueEntry,
  TECHNIQUE_ENTRY_NAME,
  type AddTechniqueOptions,
  type MissingItem,
  type TechniqueEntryResult,
} from './add-technique-entry.js';
export {
  getTemplate,
  hintFor,
  listTemplates,
  templateForTechnique,
  type TemplateSummary,
} from './registry.js';
export {
  BeamlineOverridesError,
  loadBeamlineOverrides,
  type BeamlineOverrides,
} from './overrides.js';
