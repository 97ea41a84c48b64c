/** A keys file (API_KEYS_FILE) in a temporary folder, and the keys it holds the hashes of. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { newApiKey } from '../../apps/gateway/src/auth/api-keys.js';

export async function writeApiKeysFile(
  keys: readonly { id: string; scopes: string[] }[],
): Promise<{ file: string; keys: Record<string, string> }> {
  const made = keys.map((key) => ({ ...key, ...newApiKey(key.id) }));
  const file = path.join((await tempDir('api-keys-')).dir, 'keys.json');
  await writeFile(
    file,
    JSON.stringify(made.map(({ id, sha256, scopes }) => ({ id, sha256, scopes }))),
  );
  return { file, keys: Object.fromEntries(made.map(({ id, key }) => [id, key])) };
}
