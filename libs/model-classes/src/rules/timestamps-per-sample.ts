/**
 * A TimeSeries has one timestamp per sample: `timestamps.value` is as long as
 * the first dimension of `value.value`. Assonant does not check this; a
 * mismatch would make an NXlog whose `time` and `value` disagree.
 */
import {
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { WHOLE_OBJECT_RULE } from '../decorators/whole-object-rule.js';
import { isJsonObject, ownValue } from '#libs/model/src/rules/json-object.js';

/** The DataField's `value` when it is an array; other shapes are other rules' business. */
function arrayOf(dataField: unknown): unknown[] | undefined {
  if (!isJsonObject(dataField)) return undefined;
  const value = ownValue(dataField, 'value');
  return Array.isArray(value) ? value : undefined;
}

function counts(args: ValidationArguments): { samples: number; timestamps: number } | undefined {
  const series = args.object as Record<string, unknown>;
  const samples = arrayOf(ownValue(series, 'value'));
  const timestamps = arrayOf(args.value);
  if (samples === undefined || timestamps === undefined) return undefined;
  return { samples: samples.length, timestamps: timestamps.length };
}

@ValidatorConstraint({ name: 'oneTimestampPerSample' })
export class OneTimestampPerSampleConstraint implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    const found = counts(args);
    return found === undefined || found.samples === found.timestamps;
  }

  defaultMessage(args: ValidationArguments): string {
    const found = counts(args);
    const detail =
      found === undefined ? '' : ` (${found.timestamps} timestamps for ${found.samples} samples)`;
    return `a TimeSeries needs one timestamp per sample${detail}`;
  }
}

/** Put on `timestamps`; compares with the sibling `value` and is reported at the TimeSeries. */
export function OneTimestampPerSample(options?: ValidationOptions): PropertyDecorator {
  return Validate(OneTimestampPerSampleConstraint, { context: WHOLE_OBJECT_RULE, ...options });
}
