/** A JSON body refused before validation, with the problem code of its reason. */
import { JsonRefusal, type JsonRefusalReason } from '#libs/staging/src/index.js';

const CODES: Record<JsonRefusalReason, string> = {
  syntax: 'FST_ERR_CTP_INVALID_JSON_BODY',
  'duplicate-key': 'json_duplicate_key',
  'lone-surrogate': 'json_lone_surrogate',
  'too-deep': 'json_too_deep',
};

export class JsonBodyError extends Error {
  readonly statusCode = 400;

  constructor(
    readonly code: string,
    message: string,
    /** JSON Pointer of the offending place, when known. */
    readonly pointer?: string,
  ) {
    super(message);
    this.name = 'JsonBodyError';
  }

  static from(error: unknown): JsonBodyError {
    if (error instanceof JsonRefusal) {
      return new JsonBodyError(CODES[error.reason], error.message, error.pointer);
    }
    return new JsonBodyError(CODES.syntax, error instanceof Error ? error.message : String(error));
  }
}
