export * from './config.js';
export * from './redis-connections.js';
