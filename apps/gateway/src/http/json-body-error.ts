/** A JSON body refused before validation, with the problem code of its reason. */
import { JsonRefusal, type JsonRefusalReason } from '#libs/staging/src/index.js';
import type { DomainErrorCode } from '../problem/domain-error.js';

const CODES: Record<JsonRefusalReason, DomainErrorCode> = {
  syntax: 'invalid_json',
  'duplicate-key': 'json_duplicate_key',
  'lone-surrogate': 'json_lone_surrogate',
  'too-deep': 'json_too_deep',
};

const DETAILS: Record<JsonRefusalReason, string> = {
  syntax: 'The body is not valid JSON:',
  'duplicate-key': 'The body has a key twice in one object, which readers resolve differently:',
  'lone-surrogate':
    'The body has a string that cannot be stored as UTF-8 (a lone UTF-16 surrogate):',
  'too-deep': 'The body nests arrays and objects deeper than the gateway reads (512 levels):',
};

export class JsonBodyError extends Error {
  /** Fastify answers a parser error with this status if nothing else catches it. */
  readonly statusCode = 400;

  constructor(
    readonly domainCode: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JsonBodyError';
  }

  static from(error: unknown): JsonBodyError {
    if (error instanceof JsonRefusal) {
      return new JsonBodyError(CODES[error.reason], `${DETAILS[error.reason]} ${error.message}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return new JsonBodyError(CODES.syntax, `${DETAILS.syntax} ${reason}`);
  }
}
