/** The templates as the API serves them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TECHNIQUES } from '#libs/model/src/naming.js';
import { getTemplate, hintFor, listTemplates, templateForTechnique } from '../src/index.js';

describe('templates', () => {
  it('lists the seven application definitions', () => {
    assert.deepEqual(
      listTemplates().map((t) => t.definition),
      ['NXtomo', 'NXmx', 'NXsas', 'NXxas', 'NXfluo', 'NXarpes', 'NXstxm'],
    );
  });

  it('maps techniques to definitions, and others to none', () => {
    const expected: Record<string, string> = {
      CT: 'NXtomo',
      MX: 'NXmx',
      SAXS: 'NXsas',
      WAXS: 'NXsas',
      USAXS: 'NXsas',
      XAS: 'NXxas',
      XRF: 'NXfluo',
      ARPES: 'NXarpes',
      STXM: 'NXstxm',
    };
    for (const technique of TECHNIQUES) {
      assert.equal(templateForTechnique(technique)?.definition, expected[technique], technique);
    }
  });

  it('serves each template as plain JSON, every item inside a declared group', () => {
    for (const { definition } of listTemplates()) {
      const template = getTemplate(definition);
      assert.ok(template !== undefined);
      assert.deepEqual(JSON.parse(JSON.stringify(template)), template);
      for (const item of template.items) {
        const parent = item.path.split('/').slice(0, -1).join('/');
        assert.ok(
          parent === '' || template.groups[parent] !== undefined,
          `${definition} ${item.path}`,
        );
        assert.ok(item.sources.length > 0 && item.send !== '', `${definition} ${item.path}`);
      }
    }
    assert.equal(getTemplate('NXnope'), undefined);
  });

  it('gives the hint for an item', () => {
    assert.equal(
      hintFor('NXtomo', 'sample/rotation_angle'),
      'Sample.positions.rotation_angle (a TimeSeries during each acquisition stage)',
    );
    assert.equal(hintFor('NXtomo', 'nothing/here'), undefined);
  });
});
