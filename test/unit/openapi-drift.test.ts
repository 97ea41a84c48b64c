import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { loadConfig } from '#libs/config/src/index.js';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap.js';
import { buildOpenApiDocument } from '../../apps/gateway/src/openapi/swagger-document.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the committed OpenAPI spec', () => {
  it('is what the code generates (run `npm run openapi` after changing the API)', async () => {
    const app = await createGatewayApp(
      loadConfig({ REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' }),
    );
    const generated = JSON.parse(JSON.stringify(buildOpenApiDocument(app))) as unknown;
    await app.close();
    const committed = JSON.parse(
      await readFile(path.join(root, 'openapi', 'openapi.json'), 'utf8'),
    ) as unknown;
    assert.deepEqual(generated, committed);
  });
});
