import assert from 'node:assert/strict';
import {
  EXAMPLE_MANACA_MX_START,
  EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
  EXAMPLE_MOGNO_TOMOGRAPHY_START,
} from '#libs/model/src/examples/index.js';
import type { ComponentJson } from '#libs/model/src/assonant-json.js';
import { validateBody } from '../src/validation/validate-body.js';
import { EXAMPLES } from './support/examples.js';
import { describe, it } from 'node:test';

describe('examples', () => {
  for (const { name, cls, body } of EXAMPLES) {
    it(`accepts the ${name} example and returns it as is`, () => {
      const result = validateBody(cls, body);
      assert.deepEqual(result.ok ? [] : result.violations, []);
      assert.ok(result.ok);
      assert.equal(result.value, body);
    });

    it(`accepts the ${name} example after a JSON round trip`, () => {
      const result = validateBody(cls, JSON.parse(JSON.stringify(body)));
      assert.ok(result.ok, JSON.stringify(result));
    });
  }

  it('gives every component of every entry example a class', () => {
    const missing: string[] = [];
    const visit = (
      component: { class?: string } & Pick<ComponentJson, 'subcomponents'>,
      path: string,
    ): void => {
      if (typeof component.class !== 'string') missing.push(path);
      for (const [key, sub] of Object.entries(component.subcomponents ?? {})) {
        visit(sub, `${path}.${key}`);
      }
    };
    const entries = [
      EXAMPLE_MOGNO_TOMOGRAPHY_START,
      EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
      EXAMPLE_MANACA_MX_START,
    ];
    for (const entry of entries) visit(entry.beamline, `${entry.name}.beamline`);
    assert.deepEqual(missing, []);
  });
});
