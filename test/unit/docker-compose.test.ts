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
  services: Record<
    string,
    { environment?: Record<string, string>; secrets?: string[]; volumes?: string[] }
  >;
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

  it('gives the gateway and the workers one data volume and one array spool', async () => {
    const compose = load(
      await readFile(path.join(root, 'docker-compose.yml'), 'utf8'),
    ) as ComposeFile;
    const { gateway, worker } = compose.services;
    assert.ok(gateway !== undefined && worker !== undefined);
    for (const name of ['DATA_ROOT', 'ARRAY_SPOOL_DIR']) {
      const dir: string | undefined = gateway.environment?.[name];
      assert.ok(dir !== undefined, `${name} is set`);
      assert.equal(worker.environment?.[name], dir, `the same ${name} in gateway and worker`);
      const mount = (service: { volumes?: string[] }): string | undefined =>
        service.volumes?.find((volume) => volume.endsWith(`:${dir}`));
      assert.ok(
        mount(gateway) !== undefined && mount(gateway) === mount(worker),
        `${dir} is one volume`,
      );
    }
  });
});
