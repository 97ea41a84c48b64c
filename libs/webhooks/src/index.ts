export * from './webhook.js';
export * from './signature.js';
export * from './webhook-store.js';
export * from './delivery-job.js';
export * from './scan-event.js';
