/**
 * The strict parser's verdict at JSON.parse's speed. JSON.parse reads the
 * text natively; three cheap checks then show that the strict parser would
 * have accepted it too. When any check is in doubt, or JSON.parse refuses,
 * the strict parser reads the text and its answer (a value, or a refusal
 * naming the place) is the answer, so the two never disagree.
 *
 * - Duplicate keys: JSON.parse keeps one of them, so the parsed value has
 *   fewer keys than the text. Every key is a `"`, perhaps white space, then
 *   a colon, so counting those marks never undercounts; a mark inside a
 *   string only overcounts, which sends the text to the strict parser.
 *   Equal counts therefore mean no key was repeated.
 * - Lone surrogates: any surrogate, raw or escaped, sends the text to the
 *   strict parser, which checks each one has its pair.
 * - Depth: the key count walks the value and gives up past the bound.
 */
import { MAX_JSON_DEPTH, parseStrictJson, type StrictJsonOptions } from './strict-json.js';

const RAW_SURROGATE = /[\ud800-\udfff]/;
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/** The value JSON.parse gives, for exactly the texts the strict parser accepts. */
export function parseJsonChecked(text: string, options: StrictJsonOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseStrictJson(text, Number, options);
  }
  if (mayHoldSurrogate(text) || keyMarks(text) !== ownKeys(value, maxDepth)) {
    return parseStrictJson(text, Number, options);
  }
  return value;
}

function mayHoldSurrogate(text: string): boolean {
  // Both tests are nearly free on the usual text: V8 knows a one-byte string holds
  // no surrogate, and `\u` is rare.
  return RAW_SURROGATE.test(text) || (text.includes('\\u') && ESCAPED_SURROGATE.test(text));
}

/**
 * The colons with a `"` before them (white space between): one after every
 * key, and perhaps some inside strings.
 */
function keyMarks(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    let unit = text.charCodeAt(before);
    while (unit === 0x20 || unit === 0x0a || unit === 0x0d || unit === 0x09) {
      unit = text.charCodeAt((before -= 1));
    }
    if (unit === 0x22) count += 1;
  }
  return count;
}

/**
 * Keys in all objects of `value`, or -1 past `maxDepth` (so the counts
 * cannot agree). `for…in` also sees inherited enumerable keys, which JSON.parse
 * never makes; were any added to Object.prototype they could only raise the
 * count and send the text to the strict parser.
 */
function ownKeys(value: unknown, maxDepth: number, depth = 1): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (depth > maxDepth) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const inner = ownKeys(item, maxDepth, depth + 1);
      if (inner < 0) return -1;
      count += inner;
    }
    return count;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    count += 1;
    const item = object[key];
    if (typeof item !== 'object' || item === null) continue;
    const inner = ownKeys(item, maxDepth, depth + 1);
    if (inner < 0) return -1;
    count += inner;
  }
  return count;
}
