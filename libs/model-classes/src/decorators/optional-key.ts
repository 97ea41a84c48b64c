import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The key may be left out; when present it must be valid. Unlike
 * `@IsOptional()`, an explicit null is not "left out": it is checked (and
 * rejected unless the property's rules allow null).
 */
export function OptionalKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
