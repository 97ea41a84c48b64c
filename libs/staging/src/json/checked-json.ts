/**
 * The strict parser's verdict at JSON.parse's speed. JSON.parse reads the
 * text natively; three cheap checks then show that the strict parser would
 * have accepted it too. When any check is in doubt, or JSON.parse refuses,
 * the strict parser reads the text and its answer (a value, or a refusal
 * naming the place) is the answer, so the two never disagree.
 *
 * - Duplicate keys: JSON.parse keeps one of them, so the parsed value has
 *   fewer keys than the text. Every key in the text ends in `"`, white space
 *   and `:`, so counting those marks never undercounts; a mark inside a
 *   string (`":` in a value) only overcounts, which sends the text to the
 *   strict parser. Equal counts therefore mean no key was repeated.
 * - Lone surrogates: any surrogate, raw or escaped, sends the text to the
 *   strict parser, which checks each one has its pair.
 * - Depth: the key count walks the value and gives up past the bound.
 */
import { MAX_JSON_DEPTH, parseStrictJson, type StrictJsonOptions } from './strict-json.js';

const KEY_END = /"[ \t\n\r]*:/g;
const ANY_SURROGATE = /[\ud800-\udfff]|\\u[dD][89a-fA-F]/;

/** The value JSON.parse gives, for exactly the texts the strict parser accepts. */
export function parseJsonChecked(text: string, options: StrictJsonOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseStrictJson(text, Number, options);
  }
  if (ANY_SURROGATE.test(text) || keyMarks(text) !== ownKeys(value, maxDepth)) {
    return parseStrictJson(text, Number, options);
  }
  return value;
}

function keyMarks(text: string): number {
  return text.match(KEY_END)?.length ?? 0;
}

/** Keys in all objects of `value`, or -1 past `maxDepth` (so the counts cannot agree). */
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
  for (const key of Object.keys(value)) {
    count += 1;
    const inner = ownKeys((value as Record<string, unknown>)[key], maxDepth, depth + 1);
    if (inner < 0) return -1;
    count += inner;
  }
  return count;
}
