/**
 * Property test over real HTTP: at least 10,000 generated malformed or
 * adversarial bodies. Every answer is a 4xx problem+json (or a 2xx for a body
 * the data model accepts), never a 5xx; the process stays up with bounded
 * memory; no file is written outside DATA_ROOT.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseJsonPreservingIntegers } from '#libs/staging/src/index.js';
import {
  CreateScanRequest,
  DeviceEventRequest,
  validateBody,
  type AnyClass,
} from '#libs/model-classes/src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { hostileDeviceBody, hostileScanBody } from '../helpers/hostile-bodies.js';
import { ScanClient } from '../helpers/scan-client.js';

const RUNS = { device: 8_000, scan: 2_000 };
const SEED = 20261126;

interface Tally {
  cases: number;
  accepted: number;
  refused: Record<number, number>;
  /** Refusals by problem type. */
  problems: Record<string, number>;
  slowestMs: number;
  slowestBody: string;
}

describe('hostile input', () => {
  let harness: Harness;
  let scanId: string;
  const tally: Tally = {
    cases: 0,
    accepted: 0,
    refused: {},
    problems: {},
    slowestMs: 0,
    slowestBody: '',
  };

  before(async () => {
    harness = await startHarness();
    scanId = await new ScanClient(harness.baseUrl).open({
      beamline: 'MOGNO',
      proposal: 'hostile',
      technique: 'CT',
    });
  });
  after(async () => {
    process.stdout.write(
      `hostile input: ${tally.cases} cases, ${tally.accepted} accepted as valid, refused by status ` +
        `${JSON.stringify(tally.refused)}, slowest ${tally.slowestMs.toFixed(1)} ms ` +
        `(${tally.slowestBody.length} bytes)\n`,
    );
    const rows = Object.entries(tally.problems).sort(([a], [b]) => a.localeCompare(b));
    const width = Math.max(...rows.map(([type]) => type.length));
    process.stdout.write(
      rows.map(([type, count]) => `  ${type.padEnd(width)}  ${count}`).join('\n') + '\n',
    );
    await harness.close();
  });

  async function send(url: string, body: string, model: AnyClass): Promise<void> {
    const started = performance.now();
    const response = await fetch(`${harness.baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const elapsed = performance.now() - started;
    const text = await response.text();
    tally.cases += 1;
    if (elapsed > tally.slowestMs) {
      tally.slowestMs = elapsed;
      tally.slowestBody = body;
    }
    assert.ok(response.status < 500, `${response.status} for ${body.slice(0, 300)}: ${text}`);
    if (response.status < 300) {
      tally.accepted += 1;
      const parsed: unknown = JSON.parse(body);
      assert.ok(validateBody(model, parsed).ok, `accepted an invalid body: ${body.slice(0, 300)}`);
      // Accepted means the strict parser (the worker's) reads it too.
      assert.doesNotThrow(
        () => parseJsonPreservingIntegers(body),
        `accepted ${body.slice(0, 300)}`,
      );
      return;
    }
    tally.refused[response.status] = (tally.refused[response.status] ?? 0) + 1;
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = JSON.parse(text) as { status: number; detail: string; type: string };
    assert.equal(problem.status, response.status);
    const kind = `${response.status} ${problem.type.replace('urn:assonant-gateway:problem:', '')}`;
    tally.problems[kind] = (tally.problems[kind] ?? 0) + 1;
  }

  it(`answers ${RUNS.device} hostile device events with a 4xx, never a 5xx`, async () => {
    const valid = {
      stage: 'sample_acquisition',
      moment: 'start',
      eventId: 'valid-1',
      device: fixture('device-snapshot-monochromator'),
    };
    await fc.assert(
      fc.asyncProperty(hostileDeviceBody(valid), (body) =>
        send(`/v1/scans/${scanId}/devices`, body, DeviceEventRequest),
      ),
      { numRuns: RUNS.device, seed: SEED },
    );
  });

  it(`answers ${RUNS.scan} hostile scan openings with a 4xx, never a 5xx`, async () => {
    const valid = {
      beamline: 'MOGNO',
      proposal: '20240123',
      technique: 'CT',
      scanId: 'hostile-ok',
    };
    await fc.assert(
      fc.asyncProperty(hostileScanBody(valid), (body) =>
        send('/v1/scans', body, CreateScanRequest),
      ),
      { numRuns: RUNS.scan, seed: SEED },
    );
  });

  it('stayed up, with bounded memory, and wrote nothing outside DATA_ROOT', async () => {
    assert.ok(tally.cases >= 10_000, `${tally.cases} cases`);
    for (const refusal of ['json-duplicate-key', 'json-lone-surrogate', 'json-too-deep']) {
      assert.ok(
        (tally.problems[`400 ${refusal}`] ?? 0) > 0,
        `no ${refusal} among ${JSON.stringify(tally.problems)}`,
      );
    }
    const health = await fetch(`${harness.baseUrl}/health`);
    assert.equal(health.status, 200);
    const rssMiB = process.memoryUsage().rss / 2 ** 20;
    assert.ok(rssMiB < 2048, `resident memory ${rssMiB.toFixed(0)} MiB`);
    const client = new ScanClient(harness.baseUrl);
    await client.close(scanId);
    const written = await client.waitWritten(scanId);
    const dataRoot = harness.config.dataRoot;
    assert.ok(written.file?.path.startsWith(dataRoot + path.sep));
    // DATA_ROOT is a fresh directory of its own: whatever any request did, it holds only <beamline>/<proposal>/<scan>.nxs.
    const beamlines = await readdir(dataRoot);
    assert.deepEqual(beamlines, ['MOGNO']);
    assert.deepEqual(await readdir(path.join(dataRoot, 'MOGNO')), ['hostile']);
  });
});
