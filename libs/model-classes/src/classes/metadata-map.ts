import { IsMetadataValueConstraint } from '../rules/value-rules.js';
import { IsLinkNameConstraint } from '../rules/value-rules.js';
import type { ValueMapOptions } from '../decorators/map-of.js';

/** `extra_metadata`: attribute name → number, string, boolean, null or an array of one of them. */
export const METADATA_MAP: ValueMapOptions = {
  description: 'numbers, strings, booleans, null or arrays of them',
  key: IsLinkNameConstraint,
  value: IsMetadataValueConstraint,
};
