import assert from 'node:assert/strict';
import { fieldValueProblem } from '../src/rules/field-value.js';
import { linkNameProblem } from '../src/rules/link-name.js';
import { isZonedDateTime } from '../src/rules/zoned-date-time.js';
import { childPath } from '../src/validation/violation.js';
import { describe, it } from 'node:test';

/** An array nested `depth` levels: [[[...[1]...]]]. */
function nestedArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('field values', () => {
  const accepted: [string, unknown][] = [
    ['a number', 22.0],
    ['a negative float', -0.04],
    ['a string', 'PCO.edge 4.2'],
    ['an empty string', ''],
    ['a boolean', true],
    ['null', null],
    ['a bigint (the worker parses integers so)', 2n ** 63n - 1n],
    ['an empty array', []],
    ['a 1-D numeric array', [1, 2.5, -3]],
    ['a numeric array with nulls', [1, null, 3]],
    ['an array of nulls only', [null, null]],
    [
      'a 2-D array',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['a 2-D array of empty rows', [[], []]],
    ['a string array', ['a', 'b']],
    ['a boolean array', [true, false]],
    ['32 dimensions', nestedArray(32)],
  ];
  for (const [name, value] of accepted) {
    it(`accepts ${name}`, () => assert.equal(fieldValueProblem(value), undefined));
  }

  const rejected: [string, unknown, RegExp][] = [
    ['undefined (key missing)', undefined, /required/],
    ['an object', { a: 1 }, /not an object/],
    ['NaN (only possible from code)', Number.NaN, /finite/],
    ['a ragged array', [[1, 2], [3]], /at \[1\] has 1 elements where 2/],
    ['a row that is a scalar', [[1, 2], 3], /at \[1\] is a number where an array/],
    ['a scalar beside an array', [1, [2]], /at \[1\] is an array where a scalar/],
    ['numbers mixed with strings', [1, '2'], /at \[1\] is a string in an array of numbers/],
    ['booleans mixed with numbers', [true, 1], /a number in an array of booleans/],
    ['null in a boolean array', [true, null], /null is allowed only in numeric arrays/],
    ['an object inside an array', [[1], [{}]], /at \[1\]\[0\] is an object/],
    ['33 dimensions', nestedArray(33), /at most 32 dimensions/],
    ['100000 dimensions', nestedArray(100_000), /at most 32 dimensions/],
  ];
  for (const [name, value, message] of rejected) {
    it(`rejects ${name}`, () => assert.match(fieldValueProblem(value) ?? '', message));
  }
});

describe('link names', () => {
  for (const name of ['energy', 'x', 'Si(111)', 'a.b', 'ünïcödé', 'n'.repeat(255), ' padded ']) {
    it(`accepts ${JSON.stringify(name)}`, () => assert.equal(linkNameProblem(name), undefined));
  }
  const rejected: [unknown, RegExp][] = [
    ['', /empty/],
    ['.', /path step/],
    ['..', /path step/],
    ['a/b', /"\/"/],
    ['/abs', /"\/"/],
    ['\u0000', /U\+0000/],
    ['tab\there', /U\+0009/],
    ['del\u007f', /U\+007F/],
    ['n'.repeat(256), /at most 255/],
    ['__proto__', /reserved/],
    ['constructor', /reserved/],
    ['prototype', /reserved/],
    [42, /string/],
    [null, /string/],
  ];
  for (const [name, message] of rejected) {
    it(`rejects ${JSON.stringify(name)}`, () => assert.match(linkNameProblem(name) ?? '', message));
  }
});

describe('zoned date-times', () => {
  for (const text of [
    '2024-04-25T16:00:00-03:00',
    '2024-04-25T19:00:00Z',
    '2024-04-25T19:00Z',
    '2024-04-25T19:00:00.123456+05:30',
    '2024-02-29T00:00:00Z',
  ]) {
    it(`accepts ${text}`, () => assert.equal(isZonedDateTime(text), true));
  }
  for (const text of [
    '2024-04-25T16:00:00',
    '2024-04-25',
    '2024-04-25 16:00:00Z',
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-04-25T25:00:00Z',
    '2024-04-25T16:00:00+0300',
    '1714060800',
    '',
  ]) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.equal(isZonedDateTime(text), false));
  }
  it('rejects a number', () => assert.equal(isZonedDateTime(1714060800), false));
});

describe('violation paths', () => {
  it('join keys with dots from the root', () => {
    assert.equal(childPath(childPath('', 'device'), 'fields'), 'device.fields');
  });
  it('keep every key as it is', () => {
    assert.equal(childPath('fields', '..'), 'fields...');
    assert.equal(childPath('fields', 'a/b'), 'fields.a/b');
    assert.equal(childPath('fields', ''), 'fields.');
  });
});
