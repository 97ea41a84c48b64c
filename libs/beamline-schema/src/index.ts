export * from './schema-types.js';
export * from './schema-columns.js';
export * from './read-schema-csv.js';
export * from './build-schema.js';
export * from './parse-schema.js';
export * from './write-schema-csv.js';
export * from './schema-version.js';
export * from './example-mogno-schema.js';
