/**
 * A property constraint that judges its whole object (it compares siblings,
 * like a TimeSeries's sample and timestamp counts) is declared on one property
 * because class-validator has no class-level rules. This marker, passed as
 * the ValidationOptions `context`, makes the compiled validator report it at
 * the object's path rather than the property's.
 */
export const WHOLE_OBJECT_RULE = { reportAt: 'object' } as const;

export function isWholeObjectRule(context: unknown): boolean {
  return (
    typeof context === 'object' &&
    context !== null &&
    (context as { reportAt?: unknown }).reportAt === WHOLE_OBJECT_RULE.reportAt
  );
}
