/**
 * The validating classes of the data model: their class-validator decorators
 * state what a request may hold, their Swagger decorators make the schemas,
 * and `validateBody` checks a body against them with a validator compiled
 * once per class. Only the gateway and the OpenAPI script import this lib.
 */
export { Axis } from './classes/axis.js';
export { Beamline } from './classes/beamline.js';
export { Component, ComponentBase, MAX_COMPONENT_DEPTH } from './classes/component.js';
export { CreateScanRequest, MAX_TITLE_LENGTH } from './classes/create-scan-request.js';
export { DataField } from './classes/data-field.js';
export { DeviceEventRequest } from './classes/device-event-request.js';
export { Entry } from './classes/entry.js';
export { PvSnapshotRequest } from './classes/pv-snapshot-request.js';
export { ExperimentDone } from './classes/experiment-done.js';
export { RunEnd } from './classes/run-end.js';
export { TimeSeries } from './classes/time-series.js';
export { TimeSeriesSamples } from './classes/time-series-samples.js';
export { TimeSeriesTimestamps } from './classes/time-series-timestamps.js';

export { oneOf, type ClassType, type NestedType, type UnionType } from './decorators/class-type.js';
export { MapOf, type MapOfOptions } from './decorators/map-of.js';
export { Nested } from './decorators/nested.js';
export { OptionalKey } from './decorators/optional-key.js';

export type { AnyClass } from './validation/compile.js';
export {
  compileValidator,
  validateBody,
  type ValidateOptions,
  type ValidationResult,
} from './validation/validate-body.js';
export { DEFAULT_MAX_VIOLATIONS } from './validation/violation-sink.js';
