export * from './dtype.js';
export * from './npy-header.js';
export * from './array-intake.js';
