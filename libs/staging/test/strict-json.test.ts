/**
 * The strict parser agrees with JSON.parse on every JSON text it accepts, and
 * refuses exactly what JSON.parse would read differently from another reader:
 * duplicate keys, lone surrogates, nesting past the bound.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  JsonRefusal,
  MAX_JSON_DEPTH,
  parseJsonChecked,
  parseStrictJson,
  parseStrictJsonCanonical,
  type JsonRefusalReason,
} from '../src/json/index.js';
import { parseJsonPreservingIntegers } from '../src/parse-staged.js';

const SEED = 20261127;
const asNumber = (text: string): unknown => parseStrictJson(text, Number);
const canonicalOf = (text: string): string => parseStrictJsonCanonical(text, Number).canonical;

/** What a parse gives: its value, or its refusal. */
function outcomeOf(parse: () => unknown): { value: unknown } | { refusal: JsonRefusal } {
  try {
    return { value: parse() };
  } catch (error) {
    assert.ok(error instanceof JsonRefusal, `not a JsonRefusal: ${String(error)}`);
    return { refusal: error };
  }
}

/** The refusal of both the strict and the checked parse, which must be the same. */
function refusal(text: string): JsonRefusal {
  const strict = outcomeOf(() => asNumber(text));
  const checked = outcomeOf(() => parseJsonChecked(text));
  if ('value' in strict) assert.fail(`accepted ${text.slice(0, 80)}`);
  assert.deepStrictEqual(checked, strict);
  return strict.refusal;
}

function assertRefused(text: string, reason: JsonRefusalReason, pointer?: string): JsonRefusal {
  const error = refusal(text);
  assert.equal(error.reason, reason, error.message);
  if (pointer !== undefined) assert.equal(error.pointer, pointer);
  return error;
}

const jsonValue = fc.jsonValue({ maxDepth: 5, stringUnit: 'binary' });

/** Number literals in every shape the grammar allows, and some it does not. */
const numberLiteral = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.oneof(fc.constant('0'), fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String)),
    fc.option(fc.stringMatching(/^\.\d{1,20}$/), { nil: '' }),
    fc.option(fc.stringMatching(/^[eE][+-]?\d{1,3}$/), { nil: '' }),
  )
  .map((parts) => parts.join(''));

/** A valid text with one character deleted, replaced or inserted. */
const mutatedText = fc
  .tuple(
    jsonValue.map((value) => JSON.stringify(value, null, 1)),
    fc.nat(),
    fc.constantFrom('delete', 'insert', 'replace'),
    fc.constantFrom(...'{}[]:,"\\ -+.eE0123456789tfnul\u0000\t\n'.split('')),
  )
  .map(([text, at, edit, char]) => {
    const i = at % (text.length + 1);
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (edit === 'insert') return text.slice(0, i) + char + text.slice(i);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

describe('strict JSON: agreement with JSON.parse', () => {
  it('parses every JSON value as JSON.parse does, compact or indented', () => {
    fc.assert(
      fc.property(jsonValue, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        assert.deepStrictEqual(asNumber(text), JSON.parse(text));
        assert.deepStrictEqual(parseJsonChecked(text), JSON.parse(text));
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('reads every number literal as JSON.parse does, and keeps its text', () => {
    fc.assert(
      fc.property(numberLiteral, (literal) => {
        const text = `[${literal}]`;
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          assertRefused(text, 'syntax');
          return;
        }
        assert.deepStrictEqual(asNumber(text), expected);
        assert.equal(canonicalOf(text), text);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('refuses what JSON.parse refuses, and accepts nothing JSON.parse reads otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedText, fc.string({ maxLength: 40 })), (text) => {
        let expected: unknown;
        let parsedByJs = true;
        try {
          expected = JSON.parse(text);
        } catch {
          parsedByJs = false;
        }
        if (!parsedByJs) {
          assert.throws(() => asNumber(text), JsonRefusal);
          return;
        }
        try {
          assert.deepStrictEqual(asNumber(text), expected);
        } catch (error) {
          // Refused only for what this parser adds to JSON.parse's rules.
          assert.ok(error instanceof JsonRefusal, String(error));
          assert.notEqual(error.reason, 'syntax', `${error.message} for ${text}`);
        }
      }),
      { numRuns: 5000, seed: SEED },
    );
  });

  it('refuses the texts JSON.parse refuses that are easy to get wrong', () => {
    for (const text of [
      '',
      ' ',
      '01',
      '-',
      '1.',
      '.5',
      '1e',
      '+1',
      'NaN',
      'Infinity',
      '[1,]',
      '{"a":1,}',
      '{a:1}',
      "'a'",
      '"a',
      '"\\x"',
      '"\\u12"',
      '"a\nb"',
      'tru',
      'nul',
      '[1 2]',
      '{"a" 1}',
      '\ufeff1',
      '1 1',
    ]) {
      assert.throws(() => JSON.parse(text), SyntaxError, text);
      assertRefused(text, 'syntax');
    }
  });

  it('keeps "__proto__" an own key and changes no prototype', () => {
    const parsed = asNumber('{"__proto__":{"polluted":1},"a":1}') as Record<string, unknown>;
    assert.deepStrictEqual(parsed, JSON.parse('{"__proto__":{"polluted":1},"a":1}'));
    assert.ok(Object.hasOwn(parsed, '__proto__'));
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const view = parseJsonChecked('{"__proto__":{"x":1}}') as Record<string, unknown>;
    assert.ok(Object.hasOwn(view, '__proto__'));
  });
});

describe('strict JSON: what it refuses', () => {
  it('refuses a key twice in one object, even with equal values, naming key and path', () => {
    const error = assertRefused(
      '{"class":"Monochromator","fields":{"value":1,"unit":"eV","value":1}}',
      'duplicate-key',
      '/fields/value',
    );
    assert.match(error.message, /"value" appears twice in the object at \/fields/);
    assert.match(error.message, /send each key once/);
    assertRefused('{"a":1,"a":2}', 'duplicate-key', '/a');
    assertRefused('[{"x":1},{"x":1,"x":[]}]', 'duplicate-key', '/1/x');
    assertRefused('{"a/b~":1,"a/b~":1}', 'duplicate-key', '/a~1b~0');
    assertRefused('{"__proto__":1,"__proto__":1}', 'duplicate-key', '/__proto__');
  });

  it('refuses any object text with one of its keys repeated', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), jsonValue, { minKeys: 1, maxKeys: 6 }),
        fc.nat(),
        (object, pick) => {
          const keys = Object.keys(object);
          const key = keys[pick % keys.length] ?? '';
          const text = JSON.stringify(object).replace(
            /^\{/,
            `{${JSON.stringify(key)}:${JSON.stringify(object[key])},`,
          );
          assertRefused(text, 'duplicate-key');
        },
      ),
      { numRuns: 500, seed: SEED },
    );
  });

  it('refuses lone surrogates, escaped or raw, in values and keys; accepts pairs', () => {
    assertRefused('"\\ud800"', 'lone-surrogate');
    assertRefused('"\\udfff x"', 'lone-surrogate');
    assertRefused('"\\ud800\\u0041"', 'lone-surrogate');
    assertRefused('"\\ud800\\ud800\\udc00"', 'lone-surrogate');
    assertRefused('{"ok":{"\\udc00":1}}', 'lone-surrogate', '/ok');
    assertRefused('{"a":["x", "\ud800"]}', 'lone-surrogate', '/a/1');
    for (const text of ['"\\ud83d\\ude00"', '"\ud83d\ude00"', '"\\ud83d\ude00"', '"\\uFFFF"']) {
      assert.deepStrictEqual(asNumber(text), JSON.parse(text));
    }
  });

  it(`accepts nesting ${MAX_JSON_DEPTH} deep and refuses one more, without exhausting the stack`, () => {
    const arrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
    const objects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    assert.deepStrictEqual(asNumber(arrays(MAX_JSON_DEPTH)), JSON.parse(arrays(MAX_JSON_DEPTH)));
    assert.deepStrictEqual(asNumber(objects(MAX_JSON_DEPTH)), JSON.parse(objects(MAX_JSON_DEPTH)));
    assertRefused(arrays(MAX_JSON_DEPTH + 1), 'too-deep');
    const deep = assertRefused(objects(MAX_JSON_DEPTH + 1), 'too-deep');
    assert.equal(deep.pointer, '/a'.repeat(MAX_JSON_DEPTH));
    assertRefused(arrays(1_000_000), 'too-deep');
    assert.throws(() => parseStrictJson('[[1]]', Number, { maxDepth: 1 }), JsonRefusal);
  });
});

describe('lossless and canonical forms', () => {
  it('keeps numbers beyond 2^53 and their spelling distinct', () => {
    const a = canonicalOf('{"t": 9007199254740993}');
    const b = canonicalOf('{"t":9007199254740992}');
    assert.equal(a, '{"t":9007199254740993}');
    assert.notEqual(a, b);
    assert.equal(canonicalOf('[1.50, -0, 1E+3]'), '[1.50,-0,1E+3]');
  });

  it('does not depend on key order or white space, and is its own canonical form', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const text = JSON.stringify(value);
        const canonical = canonicalOf(text);
        assert.equal(canonicalOf(JSON.stringify(value, null, 2)), canonical);
        assert.equal(canonicalOf(reversedKeys(text)), canonical);
        assert.equal(canonicalOf(canonical), canonical);
        assert.deepStrictEqual(JSON.parse(canonical), JSON.parse(text));
      }),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('is read by the worker with integers exact and floats floats', () => {
    const parsed = parseJsonPreservingIntegers('{"t":9007199254740993,"e":3.0,"n":-2}');
    assert.deepStrictEqual(parsed, { t: 9007199254740993n, e: 3, n: -2n });
    assert.throws(() => parseJsonPreservingIntegers('{"a":1,"a":1}'), JsonRefusal);
  });
});

/** The same JSON with every object's keys in reverse order. */
function reversedKeys(text: string): string {
  const reverse = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reverse);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).reverse();
    const out: Record<string, unknown> = {};
    for (const [key, member] of entries) {
      Object.defineProperty(out, key, { value: reverse(member), enumerable: true });
    }
    return out;
  };
  return JSON.stringify(reverse(JSON.parse(text)));
}

describe('the checked parse of a request body', () => {
  const agrees = (text: string): void => {
    assert.deepStrictEqual(
      outcomeOf(() => parseJsonChecked(text)),
      outcomeOf(() => asNumber(text)),
      text.slice(0, 200),
    );
  };

  it("gives the strict parser's value or its very refusal, on any text", () => {
    fc.assert(fc.property(fc.oneof(mutatedText, fc.string({ maxLength: 40 })), agrees), {
      numRuns: 5000,
      seed: SEED,
    });
    fc.assert(
      fc.property(jsonValue, fc.array(numberLiteral, { maxLength: 4 }), (value, literals) => {
        const valid = literals.filter((literal) => isJsonNumber(literal));
        agrees(`{"value": ${JSON.stringify(value, null, 1)}, "literals": [${valid.join(', ')}]}`);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('is not misled by key marks inside strings, escaped quotes or spaced colons', () => {
    for (const text of [
      '{"a":":x"}',
      String.raw`{"a":"\\\":1"}`,
      String.raw`{"a\\":1,"a\\" :2}`,
      String.raw`{"a\":":1}`,
      '{"a" \n:\t1, "b":{"a":1}}',
      String.raw`{"a":"x\": 1, \"a\": 2"}`,
      String.raw`[":", {"k": ": "}, "\" :"]`,
      '{"a":1, "b":{"c":1, "c":2}}',
    ]) {
      agrees(text);
    }
    assert.deepStrictEqual(parseJsonChecked(String.raw`{"a":":x","b":"\":"}`), {
      a: ':x',
      b: '":',
    });
    assertRefused(String.raw`{"a\\":1,"a\\" :2}`, 'duplicate-key', '/a\\');
    assertRefused('{"a":":x","a":1}', 'duplicate-key', '/a');
  });

  it('refuses depth past the bound it is given, as the strict parser does', () => {
    assert.deepStrictEqual(parseJsonChecked('[[1]]', { maxDepth: 2 }), [[1]]);
    assert.throws(() => parseJsonChecked('[[1]]', { maxDepth: 1 }), JsonRefusal);
    assert.throws(() => parseJsonChecked('{"a":{}}', { maxDepth: 1 }), JsonRefusal);
  });
});

function isJsonNumber(literal: string): boolean {
  try {
    return typeof JSON.parse(literal) === 'number';
  } catch {
    return false;
  }
}
