/**
 * A class-validator constraint made from one of libs/model's pure rules, a
 * function that says what is wrong with a value (or nothing). The rule stays
 * the one statement of what is valid; the constraint only reports it.
 */
import {
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';

/** What is wrong with `value`, said after the property's name; undefined when nothing is. */
export type ProblemOf = (value: unknown) => string | undefined;

export type ConstraintClass = new () => ValidatorConstraintInterface;

export function problemConstraint(name: string, problemOf: ProblemOf): ConstraintClass {
  @ValidatorConstraint({ name })
  class ProblemConstraint implements ValidatorConstraintInterface {
    validate(value: unknown): boolean {
      return problemOf(value) === undefined;
    }

    defaultMessage(args: ValidationArguments): string {
      return `${args.property} ${problemOf(args.value) ?? 'is not valid'}`;
    }
  }
  return ProblemConstraint;
}

/** The property decorator that applies `constraint`. */
export function ruleDecorator(
  constraint: ConstraintClass,
): (options?: ValidationOptions) => PropertyDecorator {
  return (options) => Validate(constraint, options);
}
