/**
 * Compiles a class's class-validator metadata, once, into a closure that
 * checks plain JSON objects directly.
 *
 * Why: `plainToInstance` + `validate` costs hundreds of microseconds for one
 * Entry, mostly in building instances and error trees. The closure calls the
 * very same constraint instances (`validate`, `defaultMessage`) that
 * class-validator would call, in the same conditions, so the decorators stay
 * the single statement of the rules; what it skips is the instantiation.
 *
 * Supported metadata: conditional validation (`@IsOptional`, `@ValidateIf`),
 * custom and built-in constraints (with `each` over arrays), `@Allow`,
 * `@IsDefined`, and nesting declared with `@Nested` or `@MapOf`. Anything else
 * (async constraints, promise validation, `@ValidateNested` without a declared
 * type) is refused at compile time with an error naming the property.
 */
import {
  getMetadataStorage,
  ValidationTypes,
  type MetadataStorage,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { classFor, isUnionType, type NestedType } from '../decorators/class-type.js';
import { defaultMessageOf, passes } from '../decorators/constraint-ref.js';
import {
  checkMapEntry,
  mapRules,
  notAMapMessage,
  type EntrySite,
  type MapRules,
} from '../decorators/map-entries.js';
import { MapOfConstraint, type MapOfOptions } from '../decorators/map-of.js';
import { IsNestedObjectConstraint, type NestedTypeThunk } from '../decorators/nested.js';
import { isWholeObjectRule } from '../decorators/whole-object-rule.js';
import { isJsonObject, ownValue } from '#libs/model/src/rules/json-object.js';
import { didYouMean } from '#libs/model/src/validation/near-miss.js';
import { childPath } from '#libs/model/src/validation/violation.js';
import type { ViolationSink } from './violation-sink.js';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** Any class, abstract or not, whatever its constructor takes. */
export type AnyClass<T = unknown> = abstract new (...args: never[]) => T;

/**
 * Checks one object (already known to be a JSON object) found at `path`.
 * `level` counts how many depth-limited maps (`MapOf` with `maxDepth`) lead
 * here, the root being 1.
 */
export type ObjectValidator = (
  object: Record<string, unknown>,
  path: string,
  sink: ViolationSink,
  level: number,
) => void;

export interface CompiledClass {
  readonly name: string;
  validate: ObjectValidator;
}

interface Check {
  readonly rule: string;
  readonly instance: ValidatorConstraintInterface;
  readonly metadata: ValidationMetadata;
  /** Reported at the object's path instead of the property's (see WHOLE_OBJECT_RULE). */
  readonly atObject: boolean;
}

type Condition = (object: object, value: unknown) => boolean;

/** Resolves the class of a nested value (a union looks at the value). */
type Target = (value: Record<string, unknown>) => CompiledClass;

type Descent =
  | { readonly kind: 'nested'; readonly target: Target }
  | { readonly kind: 'map'; readonly rules: MapRules; readonly target: Target | undefined };

interface PropertyPlan {
  readonly name: string;
  readonly conditions: readonly Condition[];
  readonly checks: readonly Check[];
  readonly descent: Descent | undefined;
}

const compiledClasses = new Map<AnyClass, CompiledClass>();

/** The compiled validator of `cls`, built on first use (recursive classes included). */
export function compiledClass(cls: AnyClass): CompiledClass {
  const cached = compiledClasses.get(cls);
  if (cached !== undefined) return cached;
  const compiled: CompiledClass = {
    name: cls.name,
    validate: () => {
      throw new Error(`${cls.name} is used before its validator is compiled`);
    },
  };
  // Registered before its properties are planned, so a class that contains
  // itself (Component.subcomponents) finds this entry instead of recursing.
  compiledClasses.set(cls, compiled);
  try {
    compiled.validate = buildValidator(cls, planProperties(cls));
  } catch (error) {
    // Classes compiled meanwhile may hold this unfinished entry; start over next time.
    compiledClasses.clear();
    throw error;
  }
  return compiled;
}

function planProperties(cls: AnyClass): PropertyPlan[] {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false);
  if (metadatas.length === 0) {
    throw new Error(`${cls.name} has no validation decorators; it cannot be validated`);
  }
  const grouped = storage.groupByPropertyName(metadatas);
  return Object.entries(grouped).map(([name, group]) => planProperty(cls, name, group));
}

function planProperty(cls: AnyClass, name: string, group: ValidationMetadata[]): PropertyPlan {
  const where = `${cls.name}.${name}`;
  const conditions: Condition[] = [];
  const checks: Check[] = [];
  let descent: Descent | undefined;
  let validatesNested = false;
  for (const metadata of group) {
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        conditions.push(metadata.constraints[0] as Condition);
        break;
      case ValidationTypes.WHITELIST:
        break;
      case ValidationTypes.NESTED_VALIDATION:
        validatesNested = true;
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION:
        if (metadata.constraintCls === MapOfConstraint) {
          if (descent !== undefined) throw new Error(`${where} declares two nestings`);
          const [options] = metadata.constraints as [MapOfOptions];
          const rules = mapRules(options);
          descent = {
            kind: 'map',
            rules,
            target: rules.element === undefined ? undefined : targetOf(rules.element),
          };
          break;
        }
        if (metadata.constraintCls === IsNestedObjectConstraint) {
          if (descent !== undefined) throw new Error(`${where} declares two nestings`);
          descent = {
            kind: 'nested',
            target: targetOf(metadata.constraints[0] as NestedTypeThunk),
          };
        }
        checks.push(...checksOf(where, metadata));
        break;
      default:
        throw new Error(`${where}: validation type ${metadata.type} is not supported`);
    }
  }
  if (validatesNested && descent === undefined) {
    throw new Error(
      `${where} uses @ValidateNested without @Nested or @MapOf (its type is unknown)`,
    );
  }
  // class-validator runs @IsDefined before the other constraints.
  checks.sort((a, b) => rank(a) - rank(b));
  return { name, conditions, checks, descent };
}

function rank(check: Check): number {
  return check.metadata.type === ValidationTypes.IS_DEFINED ? 0 : 1;
}

function checksOf(where: string, metadata: ValidationMetadata): Check[] {
  const constraints = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
  if (constraints.length === 0) throw new Error(`${where}: constraint class is not registered`);
  return constraints.map((constraint) => {
    if (constraint.async) throw new Error(`${where}: async constraint ${constraint.name}`);
    return {
      rule: constraint.name || metadata.type,
      instance: constraint.instance,
      metadata,
      atObject: isWholeObjectRule(metadata.context),
    };
  });
}

/** Compiles every class a nested type can resolve to now, so that a bad class fails at compile time. */
function targetOf(thunk: NestedTypeThunk): Target {
  const type: NestedType = thunk();
  if (!isUnionType(type)) {
    const compiled = compiledClass(type);
    return () => compiled;
  }
  const members = new Map(type.members.map((member) => [member, compiledClass(member)]));
  return (value) => {
    const cls = classFor(type, value);
    return members.get(cls) ?? compiledClass(cls);
  };
}

function buildValidator(cls: AnyClass, plans: readonly PropertyPlan[]): ObjectValidator {
  const known = new Set(plans.map((plan) => plan.name));
  const expected = plans.map((plan) => plan.name).join(', ');
  const targetName = cls.name;
  return (object, path, sink, level) => {
    for (const key of Object.keys(object)) {
      if (!known.has(key)) {
        sink.add(
          childPath(path, key),
          'unknownKey',
          `${JSON.stringify(key)} is not a property of ${targetName} (expected: ${expected})`,
        );
      }
    }
    for (const plan of plans) {
      if (sink.full) return;
      validateProperty(plan, targetName, object, path, sink, level);
    }
  };
}

function validateProperty(
  plan: PropertyPlan,
  targetName: string,
  object: Record<string, unknown>,
  path: string,
  sink: ViolationSink,
  level: number,
): void {
  const value = ownValue(object, plan.name);
  for (const condition of plan.conditions) {
    if (!condition(object, value)) return;
  }
  let missing = false;
  for (const check of plan.checks) {
    const { metadata } = check;
    if (metadata.validateIf !== undefined && !metadata.validateIf(object, value)) continue;
    const args: ValidationArguments = {
      targetName,
      property: plan.name,
      object,
      value,
      constraints: metadata.constraints,
    };
    if (checkPasses(check, value, args)) continue;
    // Every rule a missing value breaks says the same thing; say it once.
    if (value === undefined) missing = true;
    else
      sink.add(
        check.atObject ? path : childPath(path, plan.name),
        check.rule,
        messageOf(check, args),
      );
  }
  const { descent } = plan;
  if (value === undefined) {
    if (missing || descent?.kind === 'map') {
      sink.add(childPath(path, plan.name), 'required', `${plan.name} is required`);
    }
    return;
  }
  if (descent === undefined) return;
  const here = childPath(path, plan.name);
  if (descent.kind === 'nested') {
    // A non-object was reported by IsNestedObjectConstraint above.
    if (isJsonObject(value)) descent.target(value).validate(value, here, sink, level);
    return;
  }
  validateMap(descent.rules, descent.target, plan.name, value, here, sink, level);
}

function validateMap(
  rules: MapRules,
  target: Target | undefined,
  name: string,
  value: unknown,
  here: string,
  sink: ViolationSink,
  level: number,
): void {
  if (!isJsonObject(value)) {
    sink.add(here, 'isMap', notAMapMessage(name, rules));
    return;
  }
  const { maxDepth, keyProperty } = rules;
  const childLevel = maxDepth === undefined ? level : level + 1;
  let itemPath = here;
  const report = (site: EntrySite, rule: string, message: string): void => {
    const at =
      site === 'keyProperty' && keyProperty !== undefined
        ? childPath(itemPath, keyProperty)
        : itemPath;
    sink.add(at, rule, message);
  };
  for (const key of Object.keys(value)) {
    if (sink.full) return;
    const item = value[key];
    itemPath = childPath(here, key);
    checkMapEntry(rules, name, key, item, report);
    if (target === undefined || !isJsonObject(item)) continue;
    if (maxDepth !== undefined && childLevel > maxDepth) {
      sink.add(itemPath, 'maxDepth', `${name} nest deeper than ${maxDepth} levels`);
      continue;
    }
    target(item).validate(item, itemPath, sink, childLevel);
  }
}

function checkPasses(check: Check, value: unknown, args: ValidationArguments): boolean {
  if (check.metadata.each && Array.isArray(value)) {
    return value.every((item) => passes(check.instance, item, args));
  }
  return passes(check.instance, value, args);
}

function messageOf(check: Check, args: ValidationArguments): string {
  const { message } = check.metadata;
  let text: string;
  try {
    if (typeof message === 'function') text = message(args);
    else if (typeof message === 'string' && message !== '') text = message;
    else text = defaultMessageOf(check.instance, check.rule, args);
  } catch {
    text = defaultMessageOf(check.instance, check.rule, args);
  }
  const shown = text.includes('$') ? replaceTokens(text, args) : text;
  return check.rule === 'isIn' ? shown + didYouMean(args.value, allowedValues(args)) : shown;
}

function allowedValues(args: ValidationArguments): string[] {
  const [allowed] = Array.isArray(args.constraints) ? (args.constraints as unknown[]) : [];
  return Array.isArray(allowed) ? allowed.filter((item) => typeof item === 'string') : [];
}

/** class-validator's message tokens: $constraint1.., $value, $property, $target. */
function replaceTokens(message: string, args: ValidationArguments): string {
  let text = message;
  const constraints: unknown[] = Array.isArray(args.constraints) ? args.constraints : [];
  constraints.forEach((constraint, index) => {
    const shown = constraintText(constraint);
    text = text.replace(new RegExp(`\\$constraint${index + 1}`, 'g'), () => shown);
  });
  const value: unknown = args.value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    text = text.replace(/\$value/g, () => String(value));
  }
  return text
    .replace(/\$property/g, () => args.property)
    .replace(/\$target/g, () => args.targetName);
}

function constraintText(constraint: unknown): string {
  if (Array.isArray(constraint)) return constraint.map(String).join(', ');
  if (typeof constraint === 'symbol') return constraint.description ?? '';
  return String(constraint);
}
