/**
 * The types a nested object or a map element may have: one class, or a union
 * of classes where the value itself says which member it is.
 */

/** A validating class. Its constructor takes no arguments. */
export type ClassType<T = object> = new () => T;

export interface UnionType {
  /** For messages and schemas, e.g. "DataField or TimeSeries". */
  readonly description: string;
  readonly members: readonly ClassType[];
  /** The member a value belongs to. Called with any value, including non-objects. */
  select(value: unknown): ClassType;
}

export type NestedType = ClassType | UnionType;

/**
 * A union decided by the value's content. `select` must return one of
 * `members`; the compiled validator relies on knowing them all in advance.
 */
export function oneOf(
  description: string,
  members: readonly ClassType[],
  select: (value: unknown) => ClassType,
): UnionType {
  return { description, members, select };
}

export function isUnionType(type: NestedType): type is UnionType {
  return typeof type !== 'function';
}

/** The class to validate `value` against. */
export function classFor(type: NestedType, value: unknown): ClassType {
  return isUnionType(type) ? type.select(value) : type;
}

export function describeType(type: NestedType): string {
  return isUnionType(type) ? type.description : type.name;
}
