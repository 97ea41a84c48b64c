/**
 * Hostile HDF5 files, made by h5py, posted to /v1/validate through the real
 * gateway: link chains and cycles, deep nesting, huge declared shapes,
 * depends_on fan-outs and chains, external links to another beamline's file,
 * a 50 MB attribute, every exotic dtype, unknown filters, truncations, random
 * bytes. Each is answered 2xx/4xx within its limit, the gateway answers
 * /health after every one, the spool is empty after every one, and no report
 * holds a byte of the other beamline's file.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { makeHostileFiles, spoolContents, type HostileFile } from '../helpers/hostile-files.js';

/** Short, so that a file that runs over shows quickly; every case is far below it when bounded. */
const TIMEOUT_MS = 15_000;
/** Spooling, process start-up after a kill, the answer: beyond the validation itself. */
const SLACK_MS = 5_000;
const MARKER = 'MANACA-SECRET-7f3a9c';

describe('hostile HDF5 files', () => {
  let harness: Harness;
  let cases: HostileFile[];
  const timings: { name: string; status: number; ms: number }[] = [];

  before(async () => {
    harness = await startHarness({
      worker: false,
      env: { VALIDATE_TIMEOUT_MS: String(TIMEOUT_MS), VALIDATE_PROCESSES: '2' },
    });
    const uploads = path.join(harness.config.dataRoot, 'MOGNO', 'uploads');
    await mkdir(uploads, { recursive: true });
    const secret = path.join(harness.config.dataRoot, 'MANACA', 'p1', 'secret.nxs');
    cases = await makeHostileFiles(uploads, secret, MARKER);
    assert.ok((await readFile(secret)).includes(MARKER), 'the secret file holds the marker');
  });
  after(async () => {
    const byStatus: Record<number, number> = {};
    for (const t of timings) byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
    process.stdout.write(
      `hostile files: ${timings.length} cases, by status ${JSON.stringify(byStatus)}\n` +
        slowest
          .map((t) => `  ${t.ms.toFixed(0).padStart(6)} ms  ${t.status}  ${t.name}\n`)
          .join(''),
    );
    await harness.close();
    // Hostile by design, not files we wrote: kept for no one (CI's referee is not bounded).
    for (const dir of ['MOGNO/uploads', 'MANACA']) {
      await rm(path.join(harness.config.dataRoot, dir), { recursive: true, force: true });
    }
  });

  it('answers every hostile file with a 2xx or 4xx, and stays up and clean', async () => {
    assert.ok(cases.length >= 20, `${cases.length} cases`);
    for (const { name, file } of cases) {
      const started = performance.now();
      const response = await request(harness.baseUrl)
        .post('/v1/validate')
        .set('content-type', 'application/x-hdf5')
        .send(await readFile(file));
      const ms = performance.now() - started;
      timings.push({ name, status: response.status, ms });
      assert.ok(
        response.status < 500 || response.status === 503,
        `${name}: ${response.status} ${response.text.slice(0, 300)}`,
      );
      assert.ok(ms < TIMEOUT_MS + SLACK_MS, `${name} took ${ms.toFixed(0)} ms`);
      assert.ok(!response.text.includes(MARKER), `${name}: the report shows the other file`);
      assert.ok(
        response.text.length < 1024 * 1024,
        `${name}: a ${response.text.length}-byte answer`,
      );
      assert.equal((await request(harness.baseUrl).get('/health')).status, 200, name);
      assert.deepEqual(await spoolContents(harness.config.spoolDir), [], name);
    }
  });

  it('says what it did not follow, and what it did not read', async () => {
    const codes = async (name: string): Promise<string[]> => {
      const found = cases.find((c) => c.name === name);
      assert.ok(found !== undefined, name);
      const response = await request(harness.baseUrl)
        .post('/v1/validate')
        .set('content-type', 'application/x-hdf5')
        .send(await readFile(found.file))
        .expect(200);
      return (response.body as { findings: { code: string }[] }).findings.map((f) => f.code);
    };
    assert.ok((await codes('external-link-absolute')).includes('external_link_not_followed'));
    assert.ok((await codes('soft-link-chain-1000')).includes('soft_link_chain_too_long'));
    assert.ok((await codes('huge-declared-definition')).includes('too_large'));
    assert.ok((await codes('nested-3000')).includes('too_deep'));
  });
});
