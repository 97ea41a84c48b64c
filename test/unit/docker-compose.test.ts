/**
 * The compose deployment listens on every interface of its container, so it
 * must run with API keys, never anonymously.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

// dist/test/unit → the project root.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string>; secrets?: string[] }>;
  secrets?: Record<string, { file?: string }>;
}

describe('docker-compose.yml', () => {
  it('runs the gateway with a keys file and without ALLOW_ANONYMOUS', async () => {
    const text = await readFile(path.join(root, 'docker-compose.yml'), 'utf8');
    const compose = load(text) as ComposeFile;
    const gateway = compose.services.gateway;
    assert.ok(gateway !== undefined);
    const env = gateway.environment ?? {};
    assert.equal(env.HOST, '0.0.0.0');
    assert.equal(env.API_KEYS_FILE, '/run/secrets/api-keys');
    assert.ok(!('ALLOW_ANONYMOUS' in env));
    assert.deepEqual(gateway.secrets, ['api-keys']);
    assert.equal(compose.secrets?.['api-keys']?.file, './var/api-keys.json');
  });
});
