/**
 * API keys: `agk_<id>_<secret>`, 256 random bits of secret. Only a SHA-256 of
 * each key is stored; a key this random needs no slow hash, and lookups by id
 * keep verification to one digest and one constant-time comparison.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const KEY_PATTERN = /^agk_([a-z0-9][a-z0-9-]{0,63})_([A-Za-z0-9_-]{43})$/;

export interface StoredApiKey {
  id: string;
  /** Hex SHA-256 of the whole key. */
  sha256: string;
  scopes: string[];
}

export function newApiKey(id: string): { key: string; sha256: string } {
  if (!KEY_ID_PATTERN.test(id)) throw new Error(`key id must match ${KEY_ID_PATTERN.source}`);
  const key = `agk_${id}_${randomBytes(32).toString('base64url')}`;
  return { key, sha256: digest(key) };
}

/** The stored key the presented one matches, if any. */
export function matchApiKey(
  presented: string,
  byId: ReadonlyMap<string, StoredApiKey>,
): StoredApiKey | undefined {
  const id = KEY_PATTERN.exec(presented)?.[1];
  const stored = id === undefined ? undefined : byId.get(id);
  if (stored === undefined) return undefined;
  const expected = Buffer.from(stored.sha256, 'hex');
  const actual = Buffer.from(digest(presented), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual)
    ? stored
    : undefined;
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
