export * from './write-scan-job.js';
