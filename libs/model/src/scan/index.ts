/** The scan domain: metadata, staged events, state and validation report. */
export * from './scan-metadata.js';
export * from './staged-event.js';
export * from './scan-state.js';
export * from './validation-report.js';
export * from './completeness.js';
export * from './scan-report.js';
