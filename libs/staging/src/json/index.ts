export * from './strict-json.js';
export * from './checked-json.js';
export { jsonPointer } from './json-pointer.js';
export { stringifyPreservingNumbers } from './number-preserving-json.js';
