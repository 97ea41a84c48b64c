/**
 * Writes openapi/openapi.json from the gateway's controllers and data classes.
 * Boots the application without listening and without needing Redis; CI runs
 * it and fails when the committed file differs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '#libs/config/src/index.js';
import { createGatewayApp } from '../apps/gateway/src/bootstrap.js';
import { buildOpenApiDocument } from '../apps/gateway/src/openapi/swagger-document.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Nothing is sent to Redis while the document is built; the URL only has to be well formed.
const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' });
const app = await createGatewayApp(config);
const document = buildOpenApiDocument(app);
await app.close();
const target = path.join(root, 'openapi', 'openapi.json');
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(root, target)}\n`);
