/**
 * A strict JSON parser: one parse that keeps every number as its literal text
 * and refuses what a later reader could not see the same way — a key twice in
 * one object (JSON.parse keeps the last, other parsers the first or throw), a
 * lone UTF-16 surrogate (not representable in UTF-8, so not in an HDF5
 * string), and nesting deep enough to exhaust a recursive reader's stack.
 * On every other text it agrees with JSON.parse.
 */
import { jsonPointer } from './json-pointer.js';

/** The deepest nesting of arrays and objects accepted; `[[1]]` is 2 deep. */
export const MAX_JSON_DEPTH = 512;

export type JsonOf<N> = null | boolean | string | N | JsonOf<N>[] | { [key: string]: JsonOf<N> };

export type JsonRefusalReason = 'syntax' | 'duplicate-key' | 'lone-surrogate' | 'too-deep';

/** Why a text was refused, and where: `pointer` is the JSON Pointer of the offending place. */
export class JsonRefusal extends SyntaxError {
  constructor(
    readonly reason: JsonRefusalReason,
    readonly pointer: string,
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonRefusal';
  }
}

export interface StrictJsonOptions {
  /** Default MAX_JSON_DEPTH. */
  maxDepth?: number;
}

/** Parses `text`; each number literal (its exact text) becomes `number(literal)`. */
export function parseStrictJson<N>(
  text: string,
  number: (literal: string) => N,
  options: StrictJsonOptions = {},
): JsonOf<N> {
  return new StrictJsonParser(text, number, options.maxDepth ?? MAX_JSON_DEPTH, false).parse();
}

/**
 * Parses `text` as parseStrictJson does and, in the same pass, writes its
 * canonical text: keys sorted (by UTF-16 code units), no white space,
 * strings escaped as JSON.stringify does, numbers as sent. Two texts that a
 * reader cannot tell apart have the same canonical text, and no others do.
 */
export function parseStrictJsonCanonical<N>(
  text: string,
  number: (literal: string) => N,
  options: StrictJsonOptions = {},
): { value: JsonOf<N>; canonical: string } {
  const parser = new StrictJsonParser(text, number, options.maxDepth ?? MAX_JSON_DEPTH, true);
  const value = parser.parse();
  return { value, canonical: parser.canonical };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Characters a string may hold as they are, with nothing to check. */
// Control characters are what this class must exclude.
// eslint-disable-next-line no-control-regex
const PLAIN_RUN = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

class StrictJsonParser<N> {
  private i = 0;
  /** Keys and indices from the root to the value being parsed, for error messages. */
  private readonly path: (string | number)[] = [];
  /** The canonical text of the value just parsed, when asked to write it. */
  canonical = '';

  constructor(
    private readonly text: string,
    private readonly number: (literal: string) => N,
    private readonly maxDepth: number,
    private readonly writeCanonical: boolean,
  ) {}

  parse(): JsonOf<N> {
    this.skipWhitespace();
    const value = this.value(0);
    this.skipWhitespace();
    if (this.i < this.text.length) this.unexpected('end of input');
    return value;
  }

  private value(depth: number): JsonOf<N> {
    const c = this.text.charCodeAt(this.i);
    if (c === 0x7b /* { */) return this.object(depth + 1);
    if (c === 0x5b /* [ */) return this.array(depth + 1);
    if (c === 0x22 /* " */) return this.string();
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) return this.numberLiteral();
    if (this.text.startsWith('true', this.i)) return this.keyword('true', true);
    if (this.text.startsWith('false', this.i)) return this.keyword('false', false);
    if (this.text.startsWith('null', this.i)) return this.keyword('null', null);
    return this.unexpected('a JSON value');
  }

  private keyword<T>(word: string, value: T): T {
    this.i += word.length;
    this.canonical = word;
    return value;
  }

  private object(depth: number): JsonOf<N> {
    this.checkDepth(depth);
    this.i += 1;
    const object: Record<string, JsonOf<N>> = {};
    this.skipWhitespace();
    if (this.text.charCodeAt(this.i) === 0x7d /* } */) {
      this.i += 1;
      this.canonical = '{}';
      return object;
    }
    const members = this.writeCanonical ? new CanonicalMembers() : undefined;
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.i) !== 0x22) this.unexpected('a quoted key');
      const keyOffset = this.i;
      const key = this.string();
      const keyText = this.canonical;
      if (Object.hasOwn(object, key)) this.duplicate(key, keyOffset);
      this.skipWhitespace();
      this.expect(0x3a, "':' after the key");
      this.skipWhitespace();
      this.path.push(key);
      const member = this.value(depth);
      this.path.pop();
      members?.add(key, keyText, this.canonical);
      // An own "__proto__" key, as JSON.parse makes it, not a prototype change.
      if (key === '__proto__') {
        Object.defineProperty(object, key, {
          value: member,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else {
        object[key] = member;
      }
      this.skipWhitespace();
      if (this.text.charCodeAt(this.i) === 0x2c /* , */) {
        this.i += 1;
        continue;
      }
      this.expect(0x7d, "',' or '}'");
      if (members !== undefined) this.canonical = members.text();
      return object;
    }
  }

  private array(depth: number): JsonOf<N> {
    this.checkDepth(depth);
    this.i += 1;
    const array: JsonOf<N>[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.i) === 0x5d /* ] */) {
      this.i += 1;
      this.canonical = '[]';
      return array;
    }
    let canonical = '[';
    for (;;) {
      this.skipWhitespace();
      this.path.push(array.length);
      array.push(this.value(depth));
      this.path.pop();
      if (this.writeCanonical)
        canonical += array.length > 1 ? `,${this.canonical}` : this.canonical;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.i) === 0x2c) {
        this.i += 1;
        continue;
      }
      this.expect(0x5d, "',' or ']'");
      if (this.writeCanonical) this.canonical = `${canonical}]`;
      return array;
    }
  }

  /**
   * A string. Most are a run of characters that need no care (no quote,
   * escape, control character or surrogate), found by one native regex scan;
   * the rest are copied in runs between escapes, surrogates checked unit by unit.
   */
  private string(): string {
    const text = this.text;
    const start = this.i + 1;
    PLAIN_RUN.lastIndex = start;
    PLAIN_RUN.test(text);
    const end = PLAIN_RUN.lastIndex;
    if (text.charCodeAt(end) === 0x22) {
      this.i = end + 1;
      // Nothing in it that JSON.stringify would escape: its text is its canonical form.
      if (this.writeCanonical) this.canonical = text.slice(start - 1, end + 1);
      return text.slice(start, end);
    }
    const value = this.stringWithCare(start, end);
    if (this.writeCanonical) this.canonical = JSON.stringify(value);
    return value;
  }

  private stringWithCare(start: number, plainEnd: number): string {
    const text = this.text;
    let i = plainEnd;
    let run = start;
    let out = '';
    let pendingHigh = -1;
    for (;;) {
      if (i >= text.length) {
        this.i = i;
        this.unexpected("'\"' to end the string");
      }
      let unit = text.charCodeAt(i);
      if (unit === 0x22) break;
      let width = 1;
      if (unit === 0x5c /* \ */) {
        out += text.slice(run, i);
        const escape = text[i + 1] ?? '';
        const simple = ESCAPES[escape];
        if (simple !== undefined) {
          out += simple;
          unit = simple.charCodeAt(0);
          width = 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          unit = Number.parseInt(text.slice(i + 2, i + 6), 16);
          out += String.fromCharCode(unit);
          width = 6;
        } else {
          this.i = i;
          this.fail('syntax', `invalid escape ${JSON.stringify(text.slice(i, i + 6))}`);
        }
        run = i + width;
      } else if (unit < 0x20) {
        this.i = i;
        this.fail('syntax', 'a control character in a string (escape it, e.g. \\n)');
      }
      if (pendingHigh >= 0 && !isLow(unit)) this.loneSurrogate(pendingHigh);
      if (pendingHigh < 0 && isLow(unit)) this.loneSurrogate(i);
      pendingHigh = isHigh(unit) ? i : -1;
      i += width;
    }
    if (pendingHigh >= 0) this.loneSurrogate(pendingHigh);
    this.i = i + 1;
    return out + text.slice(run, i);
  }

  private numberLiteral(): N {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (match === null) return this.unexpected('a number');
    const literal = match[0];
    this.canonical = literal;
    this.i += literal.length;
    // JSON numbers end at a delimiter; "01" or "1.e5" are not numbers.
    const next = this.text.charCodeAt(this.i);
    if ((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45) {
      this.unexpected('the end of the number');
    }
    return this.number(literal);
  }

  private skipWhitespace(): void {
    const text = this.text;
    let c = text.charCodeAt(this.i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++this.i);
  }

  private expect(unit: number, what: string): void {
    if (this.text.charCodeAt(this.i) !== unit) this.unexpected(what);
    this.i += 1;
  }

  private checkDepth(depth: number): void {
    if (depth <= this.maxDepth) return;
    this.fail(
      'too-deep',
      `arrays and objects are nested more than ${this.maxDepth} deep; flatten the data`,
    );
  }

  private duplicate(key: string, offset: number): never {
    this.i = offset;
    this.path.push(key);
    const where = jsonPointer(this.path);
    const parent = jsonPointer(this.path.slice(0, -1)) || 'the root';
    throw new JsonRefusal(
      'duplicate-key',
      where,
      offset,
      `key ${JSON.stringify(key)} appears twice in the object at ${parent} (${where}); ` +
        'send each key once: remove or rename one of them',
    );
  }

  private loneSurrogate(offset: number): never {
    this.i = offset;
    this.fail(
      'lone-surrogate',
      'a string holds a lone UTF-16 surrogate (e.g. "\\ud800"), which no UTF-8 text can hold; ' +
        'send whole characters (a high surrogate followed by a low one)',
    );
  }

  private unexpected(what: string): never {
    const found =
      this.i >= this.text.length ? 'the end' : JSON.stringify(this.text.slice(this.i, this.i + 1));
    return this.fail('syntax', `expected ${what}, found ${found}`);
  }

  private fail(reason: JsonRefusalReason, message: string): never {
    const pointer = jsonPointer(this.path);
    const at = `at offset ${this.i}${pointer === '' ? '' : `, in ${pointer}`}`;
    throw new JsonRefusal(reason, pointer, this.i, `${message} (${at})`);
  }
}

/** An object's members in canonical text, sorted by key once they are all in. */
class CanonicalMembers {
  private readonly keys: string[] = [];
  private readonly texts: string[] = [];
  private sorted = true;

  add(key: string, keyText: string, valueText: string): void {
    const last = this.keys[this.keys.length - 1];
    if (last !== undefined && last > key) this.sorted = false;
    this.keys.push(key);
    this.texts.push(`${keyText}:${valueText}`);
  }

  text(): string {
    if (this.sorted) return `{${this.texts.join(',')}}`;
    // Code-unit order, as `<` compares strings; keys are unique, so no ties.
    const order = this.keys.map((_, index) => index);
    order.sort((a, b) => ((this.keys[a] as string) < (this.keys[b] as string) ? -1 : 1));
    return `{${order.map((index) => this.texts[index]).join(',')}}`;
  }
}
