export * from './schema-index.js';
export * from './resolve-wire-form.js';
export * from './resolve-staged-scan.js';
export * from './place-pv-snapshot.js';
export * from './completeness.js';
