/**
 * A template's requirement for each item is the NXDL's: the rule tables
 * generated from the definitions are the authority, the templates follow them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requirementsOf, type RequirementRow } from '#libs/nxdl/src/index.js';
import { getTemplate, listTemplates } from '#libs/techniques/src/index.js';

/** Does an NXDL row path (`/<any>:NXentry/sample:NXsample/name`) name this template path? */
function rowMatches(rowPath: string, itemPath: string, groups: Record<string, string>): boolean {
  const rowSegments = rowPath.split('/').slice(2);
  const itemSegments = itemPath.split('/');
  if (rowSegments.length !== itemSegments.length) return false;
  return rowSegments.every((segment, index) => {
    const item = itemSegments[index] ?? '';
    const [name, nxClass] = segment.split(':');
    if (nxClass === undefined) return name === item || name === `@${item}`;
    const groupClass = groups[itemSegments.slice(0, index + 1).join('/')];
    return groupClass === nxClass && (name === '<any>' || name === item);
  });
}

describe('template requirements agree with the NXDL', () => {
  for (const { definition } of listTemplates()) {
    it(definition, () => {
      const template = getTemplate(definition);
      const rows = requirementsOf(definition, true);
      assert.ok(template !== undefined && rows !== undefined);
      const disagreements: string[] = [];
      for (const item of template.items) {
        const row: RequirementRow | undefined = rows.find((r) =>
          rowMatches(r.path, item.path, template.groups),
        );
        if (row === undefined) continue;
        const nxdl: string =
          row.requirement === 'required' && row.conditional ? 'required' : row.requirement;
        if (item.requirement !== nxdl) {
          disagreements.push(`${item.path}: template ${item.requirement}, NXDL ${nxdl}`);
        }
      }
      assert.deepEqual(disagreements, []);
    });
  }
});
