/**
 * The one validation entry point for request bodies (and anything else shaped
 * by a validating class).
 */
import { jsonKind, isJsonObject } from '#libs/model/src/rules/json-object.js';
import { compiledClass, type AnyClass } from './compile.js';
import { ROOT_PATH, type Violation } from '#libs/model/src/validation/violation.js';
import { DEFAULT_MAX_VIOLATIONS, ViolationSink } from './violation-sink.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; violations: Violation[] };

export interface ValidateOptions {
  /** Violations listed before one `tooManyViolations` marker ends the list. Default 1000. */
  maxViolations?: number;
}

/**
 * Validates `body` against `cls` and lists every violation.
 *
 * On success `value` is `body` itself, unchanged and not an instance of
 * `cls` (typed as T because it has exactly T's shape).
 *
 * Synchronous; never throws because of the body, whatever JSON value it is.
 * The first call for a class compiles its validator; a class whose decorators
 * the compiler cannot support throws then (a programming error, the same for
 * every body). Call `compileValidator` at start-up to surface that early.
 */
export function validateBody<T>(
  cls: AnyClass<T>,
  body: unknown,
  options: ValidateOptions = {},
): ValidationResult<T> {
  const compiled = compiledClass(cls);
  const sink = new ViolationSink(options.maxViolations ?? DEFAULT_MAX_VIOLATIONS);
  try {
    if (isJsonObject(body)) {
      compiled.validate(body, ROOT_PATH, sink, 1);
    } else {
      sink.add(
        ROOT_PATH,
        'isObject',
        `the body must be a JSON object (${cls.name}), not ${jsonKind(body)}`,
      );
    }
  } catch (error) {
    // Unreachable by design (recursion is bounded, constraints are guarded);
    // kept so that a bug shows as a rejected body, never as a crash.
    const reason = error instanceof Error ? error.message : String(error);
    sink.add(ROOT_PATH, 'unvalidatable', `the body could not be validated: ${reason}`);
  }
  if (sink.violations.length === 0) return { ok: true, value: body as T };
  return { ok: false, violations: sink.violations };
}

/** Compiles (and caches) the validator of `cls` now; throws if its decorators are unsupported. */
export function compileValidator(cls: AnyClass): void {
  compiledClass(cls);
}
