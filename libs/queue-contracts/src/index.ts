export * from './write-scan-job.js';
export * from './write-scan-enqueue.js';
export * from './write-job-queue.js';
export * from './report-scan-job.js';
