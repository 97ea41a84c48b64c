export * from './dtype.js';
export * from './npy-header.js';
export * from './array-intake.js';
export * from './array-spool.js';
export * from './array-records.js';
export * from './content-digest.js';
export * from './byte-limit.js';
export * from './scan-arrays.js';
