/** The data model: JSON shapes, validating classes, the compiled validator, examples. */
export * from './assonant-json.js';
export * from './component-classes.js';
export * from './naming.js';
export * from './request-json.js';

export { Axis } from './classes/axis.js';
export { Beamline } from './classes/beamline.js';
export { Component, ComponentBase, MAX_COMPONENT_DEPTH } from './classes/component.js';
export { CreateScanRequest, MAX_TITLE_LENGTH } from './classes/create-scan-request.js';
export { DataField } from './classes/data-field.js';
export { DeviceEventRequest } from './classes/device-event-request.js';
export { Entry } from './classes/entry.js';
export { ExperimentDone } from './classes/experiment-done.js';
export { TimeSeries } from './classes/time-series.js';
export { TimeSeriesSamples } from './classes/time-series-samples.js';
export { TimeSeriesTimestamps } from './classes/time-series-timestamps.js';

export { oneOf, type ClassType, type NestedType, type UnionType } from './decorators/class-type.js';
export { MapOf, type MapOfOptions } from './decorators/map-of.js';
export { Nested } from './decorators/nested.js';
export { OptionalKey } from './decorators/optional-key.js';

export { fieldValueProblem, MAX_ARRAY_RANK } from './rules/field-value.js';
export { EVENT_ID_PATTERN, SAFE_NAME_PATTERN, canonicalBeamline } from './rules/identifiers.js';
export { linkNameProblem, MAX_NAME_LENGTH, RESERVED_NAMES } from './rules/link-name.js';
export { isZonedDateTime } from './rules/zoned-date-time.js';

export type { AnyClass } from './validation/compile.js';
export {
  compileValidator,
  validateBody,
  type ValidateOptions,
  type ValidationResult,
} from './validation/validate-body.js';
export { DEFAULT_MAX_VIOLATIONS } from './validation/violation-sink.js';
export { ROOT_PATH, type Violation } from './validation/violation.js';
export { didYouMean, nearMiss } from './validation/near-miss.js';

export * from './examples/index.js';
