/**
 * A body as it was sent, parsed once: numbers keep their literal text. From it
 * come the view that validation sees (numbers as JavaScript numbers, as
 * JSON.parse gives) and the canonical text that is digested and staged.
 */
import { parseStrictJson, type JsonOf, type StrictJsonOptions } from './strict-json.js';

/** A number exactly as written: `9007199254740993` and `1.50` survive. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type LosslessJson = JsonOf<JsonNumber>;

export function parseLosslessJson(text: string, options?: StrictJsonOptions): LosslessJson {
  return parseStrictJson(text, (literal) => new JsonNumber(literal), options);
}

/** What JSON.parse would have returned for the same text. */
export function plainView(value: LosslessJson): unknown {
  if (value instanceof JsonNumber) return Number(value.text);
  if (Array.isArray(value)) return value.map(plainView);
  if (value === null || typeof value !== 'object') return value;
  const view: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    // defineProperty keeps an own "__proto__" key a key, as JSON.parse does.
    Object.defineProperty(view, key, {
      value: plainView(member),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return view;
}

/**
 * The canonical text: keys sorted (by UTF-16 code units), no white space,
 * strings escaped as JSON.stringify does, numbers as sent. Two bodies that a
 * reader cannot tell apart have the same canonical text, and no others do.
 */
export function canonicalJson(value: LosslessJson): string {
  const out: string[] = [];
  writeCanonical(value, out);
  return out.join('');
}

function writeCanonical(value: LosslessJson, out: string[]): void {
  if (value instanceof JsonNumber) {
    out.push(value.text);
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) out.push(',');
      writeCanonical(item, out);
    });
    out.push(']');
  } else if (value !== null && typeof value === 'object') {
    out.push('{');
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .forEach(([key, item], index) => {
        out.push(index > 0 ? ',' : '', JSON.stringify(key), ':');
        writeCanonical(item, out);
      });
    out.push('}');
  } else {
    out.push(JSON.stringify(value));
  }
}
