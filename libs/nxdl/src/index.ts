/** The project's NeXus validator: NXDL rules generated at build time, checks run on h5wasm. */
export { validateNexusFile, listSupportedDefinitions, type ValidateOptions } from './validate.js';
export { requirementsOf, type RequirementRow } from './requirements.js';
export type {
  EntryDefinition,
  Finding,
  Origin,
  Severity,
  ValidationReport,
} from '#libs/model/src/scan/index.js';
export type { Requirement } from './rule-types.js';
export type { ExternalLinkPolicy } from './h5-view.js';
