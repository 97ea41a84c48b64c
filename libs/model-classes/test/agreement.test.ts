/**
 * The compiled validator and plain class-transformer + class-validator must
 * agree on what is accepted: the decorators are the one statement of the rules.
 */
import assert from 'node:assert/strict';
import { validateBody } from '../src/validation/validate-body.js';
import { EXAMPLES } from './support/examples.js';
import { MALFORMED_CASES } from './support/malformed-cases.js';
import { plainVerdict } from './support/plain-class-validator.js';
import { describe, it } from 'node:test';

describe('compiled validator agrees with class-validator', () => {
  for (const { name, cls, body } of EXAMPLES) {
    it(`both accept the ${name} example`, () => {
      assert.equal(plainVerdict(cls, body), 'accepted');
      assert.equal(validateBody(cls, body).ok, true);
    });
  }

  for (const { name, cls, body, plain } of MALFORMED_CASES) {
    const title =
      plain === undefined
        ? `both reject ${name}`
        : `the compiled validator rejects ${name}; class-validator ${plain.verdict}: ${plain.why}`;
    it(title, () => {
      assert.equal(plainVerdict(cls, body), plain?.verdict ?? 'rejected');
      assert.equal(validateBody(cls, body).ok, false);
    });
  }
});
