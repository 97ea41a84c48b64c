/**
 * What an event's text says, apart from how it was written: its canonical
 * text (keys sorted, no white space, numbers as sent) is the same for two
 * texts a reader cannot tell apart and differs otherwise. So a re-sent event
 * is recognised whatever its key order, and 9007199254740993 is not taken
 * for …992. Both are made by the strict parser, and only when needed.
 */
import { createHash } from 'node:crypto';
import { parseStrictJsonCanonical } from './json/strict-json.js';

const canonicalText = (text: string): string => parseStrictJsonCanonical(text, Number).canonical;

/** A digest of the event's content: the id of an event sent with none. */
export function eventDigest(text: string): string {
  return createHash('sha256').update(canonicalText(text)).digest('hex');
}

/**
 * Whether two event texts hold the same content. A text the strict parser
 * refuses (staged by something other than the gateway) matches only itself.
 */
export function sameEventContent(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return canonicalText(a) === canonicalText(b);
  } catch {
    return false;
  }
}
