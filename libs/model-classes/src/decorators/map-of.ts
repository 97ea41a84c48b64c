/**
 * A property holding a map: an object whose keys are names and whose values
 * are nested objects (`element`) or plain values checked by a rule (`value`).
 *
 * Everything about the map lives in the options object, stored as the
 * constraint argument of `MapOfConstraint` in class-validator's metadata: the
 * compiled validator reads it there. For plain `plainToInstance` +
 * `validateSync`, the map is turned into a `Map` of class instances (which
 * `@ValidateNested` walks, keys as property names) and `MapOfConstraint`
 * checks keys, value shapes, key/name agreement and nesting depth.
 */
import { plainToInstance, Transform } from 'class-transformer';
import {
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isJsonObject, ownValue } from '#libs/model/src/rules/json-object.js';
import { classFor } from './class-type.js';
import type { ConstraintClass } from './constraint-ref.js';
import { checkMapEntry, entriesOf, mapRules, nestingDepth, notAMapMessage } from './map-entries.js';
import type { NestedTypeThunk } from './nested.js';

interface MapOfCommonOptions {
  /** What the values are, for messages, e.g. "DataField or TimeSeries". */
  readonly description: string;
  /** Rule every key must satisfy. */
  readonly key: ConstraintClass;
}

export interface ElementMapOptions extends MapOfCommonOptions {
  /** Every value is a nested object of this type. */
  readonly element: NestedTypeThunk;
  /** A string property of each element that must equal its key, e.g. `name`. */
  readonly keyProperty?: string;
  /**
   * Greatest nesting level through this property, the holder being level 1;
   * for maps whose elements hold the same map again (subcomponents).
   */
  readonly maxDepth?: number;
}

export interface ValueMapOptions extends MapOfCommonOptions {
  /** Every value must satisfy this rule. */
  readonly value: ConstraintClass;
}

export type MapOfOptions = ElementMapOptions | ValueMapOptions;

function mapProblem(value: unknown, args: ValidationArguments): string | undefined {
  const [options] = args.constraints as [MapOfOptions];
  const rules = mapRules(options);
  const entries = entriesOf(value);
  if (entries === undefined) return notAMapMessage(args.property, rules);
  for (const [key, item] of entries) {
    let problem: string | undefined;
    checkMapEntry(rules, args.property, key, item, (_site, _rule, message) => {
      problem ??= message;
    });
    if (problem !== undefined) return problem;
  }
  if (
    rules.maxDepth !== undefined &&
    nestingDepth(value, args.property, rules.maxDepth) > rules.maxDepth
  ) {
    return `${args.property} nest deeper than ${rules.maxDepth} levels`;
  }
  return undefined;
}

/** Only plain class-validator calls this; the compiled validator applies the same rules entry by entry. */
@ValidatorConstraint({ name: 'isMap' })
export class MapOfConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return mapProblem(value, args) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return mapProblem(args.value, args) ?? `${args.property} is not a valid map`;
  }
}

/**
 * For class-transformer: a JSON map of elements becomes a `Map` of instances.
 * A map of plain values is handed over untouched, because class-transformer's
 * own copy would drop keys such as `__proto__` that the rules must see.
 */
function toInstances(raw: unknown, options: MapOfOptions): unknown {
  if (!('element' in options) || !isJsonObject(raw)) return raw;
  const type = options.element();
  return new Map(
    Object.entries(raw).map(([key, item]) => [
      key,
      isJsonObject(item) ? plainToInstance(classFor(type, item), item) : item,
    ]),
  );
}

export function MapOf(options: MapOfOptions, validation?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    Validate(MapOfConstraint, [options], validation)(target, propertyKey);
    Transform(
      ({ obj, key }) => toInstances(ownValue(obj as Record<string, unknown>, key), options),
      { toClassOnly: true },
    )(target, propertyKey);
    if ('element' in options) ValidateNested(validation)(target, propertyKey);
  };
}
