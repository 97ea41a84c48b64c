export * from './strict-json.js';
export * from './json-body.js';
export { jsonPointer } from './json-pointer.js';
