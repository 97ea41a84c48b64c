export * from './strict-json.js';
export * from './lossless-tree.js';
export { jsonPointer } from './json-pointer.js';
