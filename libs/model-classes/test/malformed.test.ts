import assert from 'node:assert/strict';
import { validateBody } from '../src/validation/validate-body.js';
import { MALFORMED_CASES } from './support/malformed-cases.js';
import { describe, it } from 'node:test';

describe('malformed bodies', () => {
  it('has a table of at least 40 cases', () => {
    assert.ok(MALFORMED_CASES.length >= 40, `${MALFORMED_CASES.length} cases`);
  });

  for (const { name, cls, body, path, rule } of MALFORMED_CASES) {
    it(`rejects ${name} at "${path}" (${rule})`, () => {
      const result = validateBody(cls, body);
      assert.equal(result.ok, false, 'accepted');
      if (result.ok) return;
      const found = result.violations.some((v) => v.path === path && v.rule === rule);
      assert.ok(
        found,
        `expected ${rule} at "${path}", got ${JSON.stringify(result.violations, null, 1)}`,
      );
      for (const violation of result.violations) {
        assert.equal(typeof violation.message, 'string');
        assert.ok(violation.message.length > 0, `empty message at ${violation.path}`);
      }
    });
  }
});
