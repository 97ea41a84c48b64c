export { createLogger, REQUEST_ID_FIELD, type LogLevel } from './logger.js';
export { collectProcessMetricsOnce } from './process-metrics.js';
