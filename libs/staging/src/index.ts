export * from './scan-state.js';
export * from './scan-store.js';
export * from './open-scans.js';
export * from './parse-staged.js';
export * from './event-digest.js';
export { RedisKeys, type EventKind } from './redis-keys.js';
export * from './catalog-cursor.js';
export * from './catalog-backfill.js';
export * from './json/index.js';
