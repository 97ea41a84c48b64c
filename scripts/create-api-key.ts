/**
 * Creates an API key: prints it once and adds its hash and scopes to the keys
 * file (API_KEYS_FILE), which never holds the key itself.
 *   npm run api-key -- mogno-daq beamline:MOGNO:write [--file var/api-keys.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { newApiKey, type StoredApiKey } from '../apps/gateway/src/auth/api-keys.js';
import { SCOPE_PATTERN } from '../apps/gateway/src/auth/scopes.js';

const args = process.argv.slice(2);
const fileFlag = args.indexOf('--file');
const file = fileFlag >= 0 ? args[fileFlag + 1] : 'var/api-keys.json';
const [id, ...scopes] = fileFlag >= 0 ? args.slice(0, fileFlag) : args;
if (id === undefined || file === undefined || scopes.length === 0) {
  process.stderr.write('usage: npm run api-key -- <id> <scope>... [--file FILE]\n');
  process.stderr.write('scopes: beamline:<NAME>:write, beamline:<NAME>:schema, read, admin\n');
  process.exit(2);
}
const badScope = scopes.find((scope) => !SCOPE_PATTERN.test(scope));
if (badScope !== undefined) {
  process.stderr.write(
    `not a scope: ${badScope} (beamline:<NAME>:write, beamline:<NAME>:schema, read, admin)\n`,
  );
  process.exit(2);
}
const keys = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredApiKey[]) : [];
if (keys.some((key) => key.id === id)) {
  process.stderr.write(`${file} already has a key ${id}\n`);
  process.exit(2);
}
const { key, sha256 } = newApiKey(id);
keys.push({ id, sha256, scopes });
writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
process.stdout.write(`${key}\n`);
process.stderr.write(`added ${id} (${scopes.join(', ')}) to ${file}; the key is shown only now\n`);
