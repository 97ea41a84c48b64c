/**
 * Validates request bodies and queries against their data classes. The
 * decorators on those classes are the only statement of what is valid; the
 * validator compiled from them runs here, once per request, with no
 * class instantiation on the hot path.
 */
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { compileValidator, validateBody, type AnyClass } from '#libs/model-classes/src/index.js';
import { DomainError } from '../problem/domain-error.js';

type Constructor = abstract new (...args: never[]) => unknown;

@Injectable()
export class ModelValidationPipe implements PipeTransform<unknown, unknown> {
  /** Compiles the validators of `classes` now, so an unsupported decorator stops the start. */
  constructor(classes: AnyClass[]) {
    for (const cls of classes) compileValidator(cls);
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const target = metadata.metatype as Constructor | undefined;
    if (target === undefined || isPrimitiveType(target)) return value;
    if (metadata.type === 'body' && value === undefined) {
      throw emptyBody();
    }
    const result = validateBody(target, value ?? {});
    if (result.ok) return result.value;
    if (metadata.type === 'query') {
      throw new DomainError(
        'invalid_query',
        `The query string breaks ${result.violations.length} rule(s): ` +
          result.violations.map((violation) => violation.message).join('; '),
        result.violations,
      );
    }
    throw new DomainError(
      'validation_failed',
      `The request body breaks ${result.violations.length} rule(s); see violations.`,
      result.violations,
    );
  }
}

export function emptyBody(): DomainError {
  return new DomainError(
    'empty_body',
    'This route takes a JSON body and the request has none; send it with Content-Type application/json.',
  );
}

function isPrimitiveType(target: Constructor): boolean {
  return [String, Number, Boolean, Object, Array].includes(target as never);
}
