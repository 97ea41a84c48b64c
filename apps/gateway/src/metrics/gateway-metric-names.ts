/**
 * The gateway's own metrics, by name: what facility IT graphs and alerts on.
 * The dashboard (config/grafana) and its test read these names.
 */
export const GATEWAY_METRICS = {
  requests: 'http_requests_total',
  requestSeconds: 'http_request_duration_seconds',
  eventsStaged: 'assonant_events_staged_total',
  stagedBytes: 'assonant_staged_bytes',
  stagingLimitBytes: 'assonant_staging_limit_bytes',
  backpressure: 'assonant_backpressure_responses_total',
  authRefusals: 'assonant_auth_refusals_total',
  redisUp: 'assonant_redis_up',
} as const;
