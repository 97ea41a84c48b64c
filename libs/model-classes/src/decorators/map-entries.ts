/**
 * The rules of one map entry, shared by the compiled validator (which reports
 * each problem at its own path) and by `MapOfConstraint` (which class-validator
 * calls and which reports the first problem at the map's path).
 */
import type { ValidationArguments } from 'class-validator';
import { isJsonObject, jsonKind, ownValue } from '#libs/model/src/rules/json-object.js';
import { describeType } from './class-type.js';
import { constraintRef, defaultMessageOf, passes, type ConstraintRef } from './constraint-ref.js';
import type { MapOfOptions } from './map-of.js';
import type { NestedTypeThunk } from './nested.js';

/** MapOfOptions with its constraint classes resolved. */
export interface MapRules {
  readonly description: string;
  readonly key: ConstraintRef;
  readonly value: ConstraintRef | undefined;
  readonly element: NestedTypeThunk | undefined;
  readonly keyProperty: string | undefined;
  readonly maxDepth: number | undefined;
}

/** Where an entry's problem is: its key, its value, or the value's key property. */
export type EntrySite = 'key' | 'value' | 'keyProperty';
export type EntryReport = (site: EntrySite, rule: string, message: string) => void;

const resolved = new WeakMap<MapOfOptions, MapRules>();

export function mapRules(options: MapOfOptions): MapRules {
  let rules = resolved.get(options);
  if (rules === undefined) {
    const element = 'element' in options ? options : undefined;
    rules = {
      description: options.description,
      key: constraintRef(options.key),
      value: 'value' in options ? constraintRef(options.value) : undefined,
      element: element?.element,
      keyProperty: element?.keyProperty,
      maxDepth: element?.maxDepth,
    };
    resolved.set(options, rules);
  }
  return rules;
}

export function notAMapMessage(property: string, rules: MapRules): string {
  return `${property} must be an object that maps names to ${rules.description}`;
}

/** Reports every problem of one entry; recursing into an element is the caller's job. */
export function checkMapEntry(
  rules: MapRules,
  mapName: string,
  key: string,
  item: unknown,
  report: EntryReport,
): void {
  // Labels are built only for a failure: this runs for every key of every map.
  if (!passes(rules.key.instance, key, ruleArguments(mapName, key))) {
    const args = ruleArguments(`${mapName} key ${JSON.stringify(key)}`, key);
    report('key', rules.key.name, defaultMessageOf(rules.key.instance, rules.key.name, args));
  }
  if (rules.value !== undefined) {
    if (!passes(rules.value.instance, item, ruleArguments(mapName, item))) {
      const args = ruleArguments(`${mapName}.${key}`, item);
      report(
        'value',
        rules.value.name,
        defaultMessageOf(rules.value.instance, rules.value.name, args),
      );
    }
    return;
  }
  if (!isJsonObject(item)) {
    const type = rules.element === undefined ? rules.description : describeType(rules.element());
    report(
      'value',
      'isObject',
      `${mapName}.${key} must be an object (${type}), not ${jsonKind(item)}`,
    );
    return;
  }
  if (rules.keyProperty !== undefined) {
    const named = ownValue(item, rules.keyProperty);
    // A missing or non-string name is the element's own violation, reported there.
    if (typeof named === 'string' && named !== key) {
      report(
        'keyProperty',
        'keyMatchesName',
        `${rules.keyProperty} "${named}" must equal its key "${key}" in ${mapName}`,
      );
    }
  }
}

// Shared and frozen: this runs for every key of every map, and no rule may change them.
const NO_OBJECT = Object.freeze({});
const NO_CONSTRAINTS: unknown[] = Object.freeze([]) as unknown as unknown[];

function ruleArguments(property: string, value: unknown): ValidationArguments {
  return { targetName: '', property, object: NO_OBJECT, value, constraints: NO_CONSTRAINTS };
}

/** The entries of a JSON map, or of the `Map` class-transformer made of it. */
export function entriesOf(value: unknown): Iterable<[string, unknown]> | undefined {
  if (value instanceof Map) return value as Map<string, unknown>;
  return isJsonObject(value) ? Object.entries(value) : undefined;
}

/**
 * The deepest level reached through `property`, the holder of `map` being
 * level 1. Iterative, and stops as soon as `limit` is passed, so a hostile
 * depth costs neither stack nor time.
 */
export function nestingDepth(map: unknown, property: string, limit: number): number {
  let deepest = 1;
  const pending: Array<[unknown, number]> = [[map, 2]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, level] = next;
    const entries = entriesOf(current);
    if (entries === undefined) continue;
    for (const [, item] of entries) {
      if (!isJsonObject(item)) continue;
      if (level > limit) return level;
      deepest = Math.max(deepest, level);
      pending.push([ownValue(item, property), level + 1]);
    }
  }
  return deepest;
}
