/**
 * Errors raised below the controllers: Fastify's body parsing and limits, the
 * strict JSON parser's refusals, and the Redis client when the store is
 * unreachable.
 */
import type { ProblemDetails } from './problem-details.js';
import { problemType } from './problem-details.js';

type TransportProblem = Omit<ProblemDetails, 'instance' | 'requestId'>;

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/** Problems whose detail is followed by the parser's own words (what and where). */
const WITH_REASON = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'json_duplicate_key',
  'json_lone_surrogate',
  'json_too_deep',
]);

const FASTIFY_PROBLEMS: Record<string, { status: number; title: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    title: 'Payload Too Large',
    detail: 'The request body is larger than the configured limit (BODY_LIMIT_BYTES).',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported Media Type',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    title: 'Empty body',
    detail: 'The request has Content-Type application/json but no body.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    title: 'Malformed JSON',
    detail: 'The body is not valid JSON.',
  },
  json_duplicate_key: {
    status: 400,
    title: 'Duplicate key in JSON',
    detail: 'The body has a key twice in one object, which readers resolve differently:',
  },
  json_lone_surrogate: {
    status: 400,
    title: 'Lone surrogate in JSON',
    detail: 'The body has a string that cannot be stored as UTF-8:',
  },
  json_too_deep: {
    status: 400,
    title: 'JSON nested too deep',
    detail: 'The body nests arrays and objects deeper than the gateway reads:',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    title: 'Bad Request',
    detail: 'Content-Length does not match the body.',
  },
};

export function classifyTransportError(exception: unknown): TransportProblem | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const error = exception as FastifyLikeError;
  const known = typeof error.code === 'string' ? FASTIFY_PROBLEMS[error.code] : undefined;
  if (known !== undefined) {
    const reason =
      WITH_REASON.has(String(error.code)) && typeof error.message === 'string'
        ? ` ${error.message}`
        : '';
    return {
      type: problemType(String(error.code).toLowerCase()),
      ...known,
      detail: known.detail + reason,
    };
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      type: 'about:blank',
      title: 'Bad Request',
      status,
      detail: typeof error.message === 'string' ? error.message : 'Bad request',
    };
  }
  return undefined;
}

const REDIS_UNAVAILABLE_MESSAGES = [
  "Stream isn't writeable",
  'Connection is closed',
  'Command timed out',
  'Reached the max retries per request limit',
  'connect ECONNREFUSED',
  'ECONNRESET',
  'LOADING',
];

export function isRedisUnavailable(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  if (exception.name === 'MaxRetriesPerRequestError') return true;
  return REDIS_UNAVAILABLE_MESSAGES.some((text) => exception.message.includes(text));
}
