/** One broken rule, located by the JSON path of the offending value. */
export interface Violation {
  /**
   * Dotted path from the body's root, object and map keys as segments, e.g.
   * `device.fields.energy.value`; the root itself is "". Keys are joined as
   * they are, so a key holding "." reads ambiguously (`fields.a.b`): the path
   * is for people, who know their keys.
   */
  path: string;
  /**
   * The rule's name: a class-validator constraint name (`isIn`, `isLinkName`,
   * ...) or one of `unknownKey`, `required`, `isObject`, `isMap`,
   * `keyMatchesName`, `maxDepth`, `tooManyViolations`.
   */
  rule: string;
  /** For people: what is wrong and what would be right. */
  message: string;
}

/** The path of the body itself. */
export const ROOT_PATH = '';

/** The path of `key` inside the value at `parent`. */
export function childPath(parent: string, key: string): string {
  return parent === ROOT_PATH ? key : `${parent}.${key}`;
}
