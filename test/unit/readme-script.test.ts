import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brokenPromises, marker, readmeScript } from '../helpers/readme-script.js';

const README = [
  'Intro.',
  '',
  '```sh',
  'echo one',
  '#> {"n":1,"at":"…"}',
  'touch file',
  'echo two; echo three',
  '#> two',
  '#> three',
  '```',
  '',
  '<!-- readme-test: skip (not here) -->',
  '',
  '```sh',
  'rm -rf /',
  '```',
  '',
  '```sh',
  'true',
  '```',
].join('\n');

/** Output as the script's markers cut it, one string per stretch. */
const printed = (...stretches: string[]): string =>
  stretches.map((text, n) => `${text}\n${marker(n)}\n`).join('');

describe('the README as a script', () => {
  const script = readmeScript(README);

  it('runs the blocks not skipped, with a marker after each promise and each block', () => {
    assert.equal(script.blocks, 2);
    assert.ok(!script.body.includes('rm -rf'));
    assert.deepEqual(
      script.stretches.map((s) => s?.lines),
      [['{"n":1,"at":"…"}'], ['two', 'three'], undefined],
    );
    assert.equal(script.stretches[0]?.line, 5);
  });

  it('keeps its promises when the output matches, … standing for anything', () => {
    assert.deepEqual(brokenPromises(script, printed('{"n":1,"at":"12:00"}', 'two\nthree', '')), []);
  });

  it('breaks them on other output, on output the README does not show, and on a stop', () => {
    assert.equal(brokenPromises(script, printed('{"n":2,"at":"x"}', 'two\nthree', '')).length, 1);
    assert.equal(brokenPromises(script, printed('{"n":1,"at":"x"}', 'two', '')).length, 1);
    assert.equal(
      brokenPromises(script, printed('{"n":1,"at":"x"}', 'two\nthree', 'warning!')).length,
      1,
    );
    assert.match(brokenPromises(script, printed('{"n":1,"at":"x"}'))[0] ?? '', /never ended/);
  });
});
