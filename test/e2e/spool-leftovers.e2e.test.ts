/**
 * Uploads a gateway that died left in SPOOL_DIR are removed when the next one
 * listens, and only those: other files stay, and building the app without
 * serving (the OpenAPI generator does) removes nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap.js';
import { startHarness } from '../helpers/gateway-harness.js';
import { testConfig } from '../helpers/test-config.js';

async function spoolWithLeftover(): Promise<{ dir: string; leftover: string }> {
  // Not under ASSONANT_TEST_KEEP_FILES: these are not HDF5 files for CI's referee.
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'assonant-spool-')), 'spool');
  await mkdir(dir, { recursive: true });
  const leftover = `upload-${randomUUID()}.h5`;
  await writeFile(path.join(dir, leftover), 'half an upload');
  await writeFile(path.join(dir, 'notes.txt'), 'not ours');
  return { dir, leftover };
}

describe('spool leftovers', () => {
  it('are removed when a gateway starts serving; other files stay', async () => {
    const { dir } = await spoolWithLeftover();
    const harness = await startHarness({ worker: false, env: { SPOOL_DIR: dir } });
    try {
      // Cleared by an onListen hook, which runs beside listen()'s answer.
      const deadline = Date.now() + 10_000;
      while ((await readdir(dir)).length > 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(await readdir(dir), ['notes.txt']);
    } finally {
      await harness.close();
    }
  });

  it('are left alone by an app that is built but does not serve', async () => {
    const { dir, leftover } = await spoolWithLeftover();
    const app = await createGatewayApp(await testConfig({ SPOOL_DIR: dir }));
    await app.close();
    assert.deepEqual((await readdir(dir)).sort(), ['notes.txt', leftover].sort());
  });
});
