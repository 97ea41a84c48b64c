/**
 * The data model every part of the project shares, free of any framework:
 * JSON shapes, naming rules, component classes, the pure value rules, the scan
 * domain types and the example payloads. The decorated classes that validate
 * requests and make the Swagger schemas are in libs/model-classes.
 */
export * from './assonant-json.js';
export * from './component-classes.js';
export * from './naming.js';
export * from './request-json.js';

export { axisReferenceProblem } from './rules/axis-reference.js';
export { fieldValueProblem, metadataValueProblem, MAX_ARRAY_RANK } from './rules/field-value.js';
export * from './rules/binary-reference.js';
export { EVENT_ID_PATTERN, SAFE_NAME_PATTERN, canonicalBeamline } from './rules/identifiers.js';
export { isJsonObject, jsonKind, ownValue } from './rules/json-object.js';
export { linkNameProblem, MAX_NAME_LENGTH, RESERVED_NAMES } from './rules/link-name.js';
export { pvNameProblem, pvReadingProblem } from './rules/pv-reading.js';
export { isVector3 } from './rules/vector3.js';
export { isZonedDateTime } from './rules/zoned-date-time.js';

export { ROOT_PATH, childPath, type Violation } from './validation/violation.js';
export { didYouMean, nearMiss } from './validation/near-miss.js';

export * from './scan/index.js';
export * from './examples/index.js';
