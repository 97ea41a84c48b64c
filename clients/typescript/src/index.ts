export { createGatewayClient, type GatewayClient, type GatewayClientOptions } from './client.js';
export * from './gateway.js';
export {
  GatewayError,
  GatewayProblem,
  ScanFailed,
  type Problem,
  type Violation,
} from './problems.js';
export {
  DEFAULT_RETRY,
  RETRIED_STATUSES,
  retryDelayMs,
  type RetryHooks,
  type RetryPolicy,
} from './retry.js';
export type { components, operations, paths } from './openapi.js';
