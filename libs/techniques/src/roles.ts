/**
 * Which component plays each role of a template. A beamline override names it;
 * otherwise among the components of the role's classes the first preferred name
 * present wins, else the first by name. A component already taken by an earlier
 * role is not picked by class alone (an XAS `it` must not become the `i0`).
 */
import type { LocatedComponent } from './locate.js';
import type { RoleSpec } from './template-schema.js';

export function chooseRoles(
  specs: Record<string, RoleSpec>,
  components: readonly LocatedComponent[],
  entryOrder: readonly string[],
  named: Record<string, string> = {},
): Map<string, LocatedComponent[]> {
  const taken = new Set<string>();
  const chosen = new Map<string, LocatedComponent[]>();
  for (const [role, spec] of Object.entries(specs)) {
    const name = chooseName(spec, components, taken, named[role]);
    if (name === undefined) continue;
    taken.add(name);
    const rank = (c: LocatedComponent): number => entryOrder.indexOf(c.entry);
    const byOverride = named[role] === name;
    const matching = components.filter(
      (c) => c.name === name && (byOverride || spec.classes.includes(c.cls)),
    );
    chosen.set(
      role,
      matching.sort((a, b) => rank(a) - rank(b)),
    );
  }
  return chosen;
}

function chooseName(
  spec: RoleSpec,
  components: readonly LocatedComponent[],
  taken: Set<string>,
  override: string | undefined,
): string | undefined {
  // A named component that did not come in this scan (another set-up of the beamline)
  // leaves the choice to the template, rather than leaving the role empty.
  const named = components.find((c) => c.name === override);
  if (named !== undefined) return named.name;
  const ofClass = components.filter((c) => spec.classes.includes(c.cls));
  const names = new Set(ofClass.map((c) => c.name));
  const preferred = spec.names?.find((n) => names.has(n));
  if (preferred !== undefined) return preferred;
  return [...names].filter((n) => !taken.has(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
}
