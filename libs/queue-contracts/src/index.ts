export * from './write-scan-job.js';
export * from './write-scan-enqueue.js';
