/** Reads and checks the API keys file once, at start. */
import { readFileSync } from 'node:fs';
import { KEY_ID_PATTERN, type StoredApiKey } from './api-keys.js';
import { SCOPE_PATTERN } from './scopes.js';

export function loadApiKeyFile(file: string): Map<string, StoredApiKey> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`API_KEYS_FILE ${file}: ${reason}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`API_KEYS_FILE ${file}: expected a JSON array`);
  const keys = new Map<string, StoredApiKey>();
  parsed.forEach((item: unknown, index) => {
    const where = `API_KEYS_FILE ${file}[${index}]`;
    const key = item as Partial<StoredApiKey> | null;
    if (typeof key?.id !== 'string' || !KEY_ID_PATTERN.test(key.id))
      throw new Error(`${where}: bad id`);
    if (typeof key.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(key.sha256)) {
      throw new Error(`${where}: sha256 must be 64 hex digits`);
    }
    if (
      !Array.isArray(key.scopes) ||
      !key.scopes.every((s) => typeof s === 'string' && SCOPE_PATTERN.test(s))
    ) {
      throw new Error(
        `${where}: scopes must be read, admin, beamline:<NAME>:write or beamline:<NAME>:schema`,
      );
    }
    if (keys.has(key.id)) throw new Error(`${where}: id ${key.id} is used twice`);
    keys.set(key.id, { id: key.id, sha256: key.sha256, scopes: key.scopes });
  });
  return keys;
}
