/**
 * A digest of an event's canonical text (see json/lossless-tree.ts): key order
 * and white space do not change it, any number's digits do, so a re-sent
 * event is recognised and 9007199254740993 is not taken for …992.
 */
import { createHash } from 'node:crypto';

export function eventDigest(canonicalText: string): string {
  return createHash('sha256').update(canonicalText).digest('hex');
}
