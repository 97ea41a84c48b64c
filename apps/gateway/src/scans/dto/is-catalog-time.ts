/**
 * A bound of the catalog's creation range: ISO 8601 that names one instant
 * the catalog can compare with, i.e. that Date reads. Strict ISO 8601 alone
 * also admits week and ordinal dates (2026-W01, 2026-123), the basic format
 * and decimal commas, which Date reads as no time at all: such a bound was
 * silently dropped (from) or failed the page (to).
 */
import {
  isISO8601,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

export function isCatalogTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    isISO8601(value, { strict: true }) &&
    Number.isFinite(Date.parse(value))
  );
}

@ValidatorConstraint({ name: 'isCatalogTime' })
export class IsCatalogTimeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCatalogTime(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an ISO 8601 date or date-time in the extended format, e.g. 2026-12-01 or 2026-12-01T10:00:00Z`;
  }
}

export function IsCatalogTime(): PropertyDecorator {
  return Validate(IsCatalogTimeConstraint);
}
