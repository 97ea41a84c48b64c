/**
 * `depends_on` of an axis: the name of the next axis in the chain, or "." to
 * end the chain (NeXus convention).
 */
import {
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { linkNameProblem } from './link-name.js';

export function axisReferenceProblem(value: unknown): string | undefined {
  if (value === '.') return undefined;
  const problem = linkNameProblem(value);
  return problem === undefined ? undefined : `must be "." or an axis name, and a name ${problem}`;
}

@ValidatorConstraint({ name: 'isAxisReference' })
export class IsAxisReferenceConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return axisReferenceProblem(value) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} ${axisReferenceProblem(args.value) ?? 'must be "." or an axis name'}`;
  }
}

export function IsAxisReference(options?: ValidationOptions): PropertyDecorator {
  return Validate(IsAxisReferenceConstraint, options);
}
