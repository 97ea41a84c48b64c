import type { Violation } from '#libs/model/src/index.js';

/**
 * Errors the gateway's own logic raises, each with a code. One exhaustive
 * table turns a code into an HTTP status, so no handler picks statuses ad hoc.
 */
export const DOMAIN_ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  scan_not_found: 404,
  scan_exists: 409,
  scan_closed: 409,
  file_not_ready: 409,
  scan_not_failed: 409,
  scan_busy: 409,
  file_not_deletable: 409,
  definition_not_found: 404,
  schema_not_found: 404,
  webhook_not_found: 404,
  invalid_schema: 422,
  schema_not_pinned: 422,
  report_failed: 422,
  report_unavailable: 503,
  unreadable_file: 422,
  file_not_validated: 422,
  upload_too_large: 413,
  array_too_large: 413,
  invalid_array: 422,
  digest_mismatch: 422,
  frame_conflict: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  validator_busy: 429,
  validator_unavailable: 503,
  event_id_conflict: 422,
  validation_failed: 422,
  invalid_query: 400,
  invalid_json: 400,
  json_duplicate_key: 400,
  json_lone_surrogate: 400,
  json_too_deep: 400,
  empty_body: 400,
  bad_content_length: 400,
  bad_request: 400,
  route_not_found: 404,
  internal_error: 500,
  staging_full: 429,
  beamline_staging_full: 429,
  store_unavailable: 503,
} as const satisfies Record<string, number>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

const TITLES: Record<DomainErrorCode, string> = {
  unauthenticated: 'Unauthenticated',
  forbidden: 'Forbidden',
  scan_not_found: 'Scan not found',
  scan_exists: 'Scan already exists',
  scan_closed: 'Scan is closed',
  file_not_ready: 'File not written yet',
  scan_not_failed: 'Scan has not failed',
  scan_busy: 'Scan is being written',
  file_not_deletable: 'File cannot be deleted',
  definition_not_found: 'Definition not found',
  schema_not_found: 'Beamline schema not found',
  webhook_not_found: 'Webhook not found',
  invalid_schema: 'Beamline schema is not valid',
  schema_not_pinned: 'The scan has no beamline schema',
  report_failed: 'The scan cannot make a file',
  report_unavailable: 'No worker built the report',
  unreadable_file: 'File cannot be read',
  file_not_validated: 'File could not be validated',
  upload_too_large: 'File too large',
  array_too_large: 'Array too large',
  invalid_array: 'Array upload is not valid',
  digest_mismatch: 'Content-Digest does not match',
  frame_conflict: 'Frame already sent',
  body_too_large: 'Body too large',
  unsupported_media_type: 'Unsupported content type',
  validator_busy: 'Every validator is busy',
  validator_unavailable: 'Validation unavailable',
  event_id_conflict: 'Event id reused with different content',
  validation_failed: 'Request body is not valid',
  invalid_query: 'Query string is not valid',
  invalid_json: 'Malformed JSON',
  json_duplicate_key: 'Duplicate key in JSON',
  json_lone_surrogate: 'Lone surrogate in JSON',
  json_too_deep: 'JSON nested too deep',
  empty_body: 'Empty body',
  bad_content_length: 'Content-Length does not match the body',
  bad_request: 'Bad request',
  route_not_found: 'No such route',
  internal_error: 'Internal server error',
  staging_full: 'Too many events waiting to be written',
  beamline_staging_full: "Too many of this beamline's events waiting to be written",
  store_unavailable: 'Staging store unavailable',
};

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly violations: Violation[] = [],
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  get status(): number {
    return DOMAIN_ERROR_STATUS[this.code];
  }

  get title(): string {
    return TITLES[this.code];
  }
}
