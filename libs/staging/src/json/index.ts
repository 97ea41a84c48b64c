export * from './strict-json.js';
export * from './checked-json.js';
export { jsonPointer } from './json-pointer.js';
