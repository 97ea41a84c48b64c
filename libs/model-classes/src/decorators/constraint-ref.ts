/**
 * A constraint class (one decorated with `@ValidatorConstraint`) used as a
 * rule outside a property decorator: map keys and map values. Resolved
 * through class-validator's own storage and container, so the instance and
 * rule name are the ones class-validator itself would use.
 */
import {
  getMetadataStorage,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

export type ConstraintClass = new () => ValidatorConstraintInterface;

export interface ConstraintRef {
  readonly name: string;
  readonly instance: ValidatorConstraintInterface;
}

export function constraintRef(constraintClass: ConstraintClass): ConstraintRef {
  const [metadata] = getMetadataStorage().getTargetValidatorConstraints(constraintClass);
  if (metadata === undefined) {
    throw new Error(`${constraintClass.name} is not decorated with @ValidatorConstraint`);
  }
  return { name: metadata.name, instance: metadata.instance };
}

/**
 * Runs a constraint the way class-validator does, synchronously: a falsy
 * result fails, and so does a throw or a promise.
 */
export function passes(
  instance: ValidatorConstraintInterface,
  value: unknown,
  args: ValidationArguments,
): boolean {
  try {
    const result = instance.validate(value, args);
    // Truthy passes, as in class-validator; a promise cannot be awaited here.
    return result instanceof Promise ? false : Boolean(result);
  } catch {
    return false;
  }
}

/** The constraint's default message, or a generic one when it has none or fails. */
export function defaultMessageOf(
  instance: ValidatorConstraintInterface,
  rule: string,
  args: ValidationArguments,
): string {
  try {
    const message = instance.defaultMessage?.(args);
    if (message !== undefined && message !== '') return message;
  } catch {
    // Fall through to the generic message: a broken message must not hide the violation.
  }
  return `${args.property} breaks rule ${rule}`;
}
