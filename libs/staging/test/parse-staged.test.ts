/**
 * Staged texts are read with integer literals as bigint: the fast way (for
 * texts with no integer literal) and the strict parser give the same value
 * or the same refusal on every text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { parseJsonPreservingIntegers, parseNumberLiteral } from '../src/parse-staged.js';
import { parseStrictJson } from '../src/json/strict-json.js';

const strict = (text: string): unknown => parseStrictJson(text, parseNumberLiteral);

const outcome = (parse: (text: string) => unknown, text: string): unknown => {
  try {
    return { value: parse(text) };
  } catch (error) {
    return { refused: (error as Error).name };
  }
};

const TEXTS = [
  '{"value":22.0,"unit":"keV"}',
  '{"value":22,"unit":"keV"}',
  '{"a":[1.5,2,3.25]}',
  '{"a":[1.5, -2 ,3.25]}',
  '7',
  ' -7 ',
  '7.0',
  '{"a":1e5,"b":-2.5E-3}',
  '{"note":"ratio 1:2, then [3,4]","x":0.5}',
  '{"a":{"b":[[1]]}}',
  '{"big":9007199254740993}',
  '{"a":1,"a":2.5}',
  '{"a":1.5,"a":2.5}',
  '{"s":"\\ud800"}',
  '{"a":0.1}x',
  '',
];

describe('reading staged texts', () => {
  it('agrees with the strict parser, value or refusal, on crafted texts', () => {
    for (const text of TEXTS) {
      assert.deepEqual(outcome(parseJsonPreservingIntegers, text), outcome(strict, text), text);
    }
    assert.equal(
      (parseJsonPreservingIntegers('{"n":3}') as { n: unknown }).n,
      3n,
      'an integer literal is a bigint',
    );
    assert.equal((parseJsonPreservingIntegers('{"n":3.0}') as { n: unknown }).n, 3);
  });

  it('agrees with the strict parser on every example payload', () => {
    for (const folder of ['assonant', 'assonant-wire']) {
      const dir = path.join(PROJECT_ROOT, 'test/fixtures', folder);
      for (const name of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        assert.deepEqual(parseJsonPreservingIntegers(text), strict(text), name);
      }
    }
  });
});
