/** Axis `vector` and `offset`: exactly three finite numbers (x, y, z in the NeXus frame). */
import {
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';

export function isVector3(value: unknown): value is [number, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    value.every((item) => typeof item === 'number' && Number.isFinite(item))
  );
}

@ValidatorConstraint({ name: 'isVector3' })
export class IsVector3Constraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isVector3(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an array of exactly 3 finite numbers`;
  }
}

export function IsVector3(options?: ValidationOptions): PropertyDecorator {
  return Validate(IsVector3Constraint, options);
}
