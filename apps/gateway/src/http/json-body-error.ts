/** A JSON body refused before validation, as the problem of its reason. */
import { JsonRefusal, type JsonRefusalReason } from '#libs/staging/src/index.js';
import { DomainError, type DomainErrorCode } from '../problem/domain-error.js';

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

export function jsonBodyRefusal(error: unknown): DomainError {
  const reason: JsonRefusalReason = error instanceof JsonRefusal ? error.reason : 'syntax';
  const words = error instanceof Error ? error.message : String(error);
  return new DomainError(CODES[reason], `${DETAILS[reason]} ${words}`);
}
