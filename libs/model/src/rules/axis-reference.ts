/**
 * `depends_on` of an axis: the name of the next axis in the chain, or "." to
 * end the chain (NeXus convention).
 */
import { linkNameProblem } from './link-name.js';

export function axisReferenceProblem(value: unknown): string | undefined {
  if (value === '.') return undefined;
  const problem = linkNameProblem(value);
  return problem === undefined ? undefined : `must be "." or an axis name, and a name ${problem}`;
}
