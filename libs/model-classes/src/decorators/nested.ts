/**
 * A property holding one nested object of a class (or of a union of classes).
 *
 * The type is recorded as the constraint argument of `IsNestedObjectConstraint`
 * in class-validator's metadata, which is where the compiled validator reads
 * it. `@ValidateNested` and class-transformer's `@Type` are added so that
 * plain `plainToInstance` + `validateSync` enforces the same rules.
 */
import { Type } from 'class-transformer';
import {
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isJsonObject, jsonKind } from '#libs/model/src/rules/json-object.js';
import { classFor, describeType, type NestedType } from './class-type.js';

/** Deferred so that classes may refer to classes defined later (or to themselves). */
export type NestedTypeThunk = () => NestedType;

@ValidatorConstraint({ name: 'isObject' })
export class IsNestedObjectConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isJsonObject(value);
  }

  defaultMessage(args: ValidationArguments): string {
    const [type] = args.constraints as [NestedTypeThunk];
    return `${args.property} must be an object (${describeType(type())}), not ${jsonKind(args.value)}`;
  }
}

export function Nested(type: NestedTypeThunk, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    Validate(IsNestedObjectConstraint, [type], options)(target, propertyKey);
    ValidateNested(options)(target, propertyKey);
    Type((help) => classFor(type(), help?.object[help.property]))(target, propertyKey);
  };
}
