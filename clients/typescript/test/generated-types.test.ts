/**
 * The client's types are generated from the committed spec: regenerating
 * them now must give the committed file, byte for byte, so a changed route
 * or body cannot leave the client behind. To refresh them:
 * `npm run generate -w clients/typescript`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';

const CLIENT = path.join(PROJECT_ROOT, 'clients/typescript');
const GENERATOR = path.join(CLIENT, 'node_modules/openapi-typescript/bin/cli.js');

describe('the TypeScript client types', () => {
  it('are what openapi-typescript makes of openapi/openapi.json', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [GENERATOR, path.join(PROJECT_ROOT, 'openapi/openapi.json')],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const committed = await readFile(path.join(CLIENT, 'src/openapi.ts'), 'utf8');
    assert.ok(stdout.includes('export interface paths'), 'the generator made types');
    assert.ok(
      stdout === committed,
      'clients/typescript/src/openapi.ts is stale: run `npm run generate -w clients/typescript`',
    );
  });
});
