/** A catalog cursor is whatever a page gave as nextCursor, unchanged; anything else is refused. */
import {
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { decodeCatalogCursor } from '#libs/staging/src/index.js';

@ValidatorConstraint({ name: 'isCatalogCursor' })
export class IsCatalogCursorConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && decodeCatalogCursor(value) !== undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} is not a cursor of this catalog: pass the nextCursor of the previous page unchanged, or leave it out for the first page`;
  }
}

export function IsCatalogCursor(): PropertyDecorator {
  return Validate(IsCatalogCursorConstraint);
}
