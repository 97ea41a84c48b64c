/**
 * What facility IT scrapes: the gateway's /metrics (requests by route and
 * status, events staged, staging bytes against the limit, 429s and auth
 * refusals, BullMQ's queue metrics) and each worker's /metrics and /health
 * (files written, phases, validation errors by definition, threads).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { serveWorkerHttp, type WorkerHttp } from '../../apps/worker/src/worker-http.js';
import { deviceEventText, fixtureText } from '../helpers/fixtures.js';
import { writeApiKeysFile } from '../helpers/api-keys-file.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { parsePrometheusText, sampleValue, type Sample } from '../helpers/prometheus-text.js';
import { ScanClient } from '../helpers/scan-client.js';

async function scrape(url: string, key?: string): Promise<Sample[]> {
  const call = request(url).get('/metrics');
  const response = await (key === undefined ? call : call.set('Authorization', `Bearer ${key}`))
    .expect(200)
    .expect('content-type', /^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(response.text);
}

describe('the metrics of the gateway and its worker', () => {
  let harness: Harness;
  let workerHttp: WorkerHttp;
  let client: ScanClient;

  before(async () => {
    // Room for one MOGNO start entry and not one device event more, which is answered 429.
    const limit = String(Buffer.byteLength(fixtureText('mogno-tomography-start')) + 100);
    harness = await startHarness({
      env: { STAGING_LIMIT_BYTES: limit, STAGING_LIMIT_PER_BEAMLINE_BYTES: limit },
    });
    client = new ScanClient(harness.baseUrl);
    const worker = harness.worker;
    assert.ok(worker !== undefined);
    workerHttp = await serveWorkerHttp(worker, harness.config.workerConcurrency, {
      port: 0,
      host: '127.0.0.1',
    });
  });
  after(async () => {
    await workerHttp?.close();
    await harness?.close();
  });

  it('counts requests, staged events, staged bytes and 429s at the gateway', async () => {
    const before = await scrape(harness.baseUrl);
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'metrics', technique: 'CT' });
    const entry = fixtureText('mogno-tomography-start');
    await client.entry(scanId, entry);
    await client.entry(scanId, entry);
    const device = deviceEventText({ stage: 'sample_positioning', moment: 'end', eventId: 'm-1' });
    await client.postJson(`/v1/scans/${scanId}/devices`, device).expect(429);
    await request(harness.baseUrl).get('/v1/scans/no-such-scan').expect(404);

    const after = await scrape(harness.baseUrl);
    const delta = (name: string, labels: Record<string, string>): number =>
      (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
    const route = '/v1/scans/:scanId/entries';
    assert.equal(delta('http_requests_total', { route, status_code: '202' }), 2);
    assert.equal(delta('http_request_duration_seconds_count', { route, status_code: '202' }), 2);
    assert.equal(
      delta('http_requests_total', { route: '/v1/scans/:scanId', status_code: '404' }),
      1,
      'a route is labelled by its pattern, not the scan id',
    );
    assert.equal(delta('assonant_events_staged_total', { kind: 'entry', duplicate: 'false' }), 1);
    assert.equal(delta('assonant_events_staged_total', { kind: 'entry', duplicate: 'true' }), 1);
    assert.equal(delta('assonant_backpressure_responses_total', { status_code: '429' }), 1);
    const staged = sampleValue(after, 'assonant_staged_bytes') ?? 0;
    assert.ok(staged >= Buffer.byteLength(entry), `staged bytes ${staged}`);
    assert.equal(
      sampleValue(after, 'assonant_staging_limit_bytes'),
      harness.config.stagingLimitBytes,
    );
    assert.equal(sampleValue(after, 'assonant_redis_up'), 1);
    assert.equal(
      sampleValue(after, 'bullmq_job_count', { queue: 'nexus-write', state: 'failed' }),
      0,
    );
    assert.ok(sampleValue(after, 'process_resident_memory_bytes') ?? 0 > 0, 'process metrics');
    assert.ok(
      after.every((sample) => !JSON.stringify(sample.labels).includes(scanId)),
      'no label carries a scan id: the label set stays bounded',
    );

    await client.close(scanId);
    const written = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=30`).expect(200);
    assert.equal((written.body as { status: string }).status, 'written');
  });

  it('serves the worker metrics and health on its own port', async () => {
    const samples = await scrape(workerHttp.url);
    assert.equal(sampleValue(samples, 'assonant_worker_files_written_total'), 1);
    assert.equal(
      sampleValue(samples, 'assonant_worker_write_phase_seconds_count', { phase: 'total' }),
      1,
    );
    for (const phase of ['load', 'build', 'write', 'fsync', 'validate']) {
      assert.equal(
        sampleValue(samples, 'assonant_worker_write_phase_seconds_count', { phase }),
        1,
        phase,
      );
    }
    const errors = sampleValue(samples, 'assonant_worker_validation_errors_total', {
      definition: 'NXtomo',
    });
    assert.ok(errors !== undefined, 'validation errors are counted by definition');
    assert.equal(sampleValue(samples, 'assonant_worker_write_failures_total', { kind: 'io' }), 0);
    assert.equal(sampleValue(samples, 'assonant_worker_writer_threads'), 1);
    assert.equal(sampleValue(samples, 'assonant_worker_writer_threads_busy'), 0);

    const health = await request(workerHttp.url).get('/health').expect(200);
    assert.deepEqual(health.body, {
      status: 'ok',
      checks: { redis: { status: 'up' }, writerThreads: { size: 1 } },
    });
    await request(workerHttp.url).get('/elsewhere').expect(404);
  });

  it('has a dashboard whose queries name only metrics the scrapes have', async () => {
    const scraped = new Set(
      [...(await scrape(harness.baseUrl)), ...(await scrape(workerHttp.url))].map((s) => s.name),
    );
    const dashboard = JSON.parse(
      await readFile(
        path.join(PROJECT_ROOT, 'config/grafana/dashboards/assonant-gateway.json'),
        'utf8',
      ),
    ) as { panels: { title: string; targets: { expr: string }[] }[] };
    const named = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) =>
        metricNamesOf(target.expr).map((name) => ({ panel, name })),
      ),
    );
    assert.ok(named.length >= dashboard.panels.length, 'every panel queries a metric');
    for (const { panel, name } of named) {
      assert.ok(scraped.has(name), `panel "${panel.title}" queries ${name}, which no scrape has`);
    }
  });
});

/** The metric names a PromQL expression reads: not its functions, labels, groupings or ranges. */
function metricNamesOf(expr: string): string[] {
  const bare = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((m) => m[1] ?? '');
}

describe('the metrics with keys on', () => {
  let harness: Harness;
  let key = '';

  before(async () => {
    const { file, keys } = await writeApiKeysFile([{ id: 'scraper', scopes: ['read'] }]);
    key = keys.scraper ?? '';
    harness = await startHarness({ worker: false, env: { API_KEYS_FILE: file } });
  });
  after(async () => harness?.close());

  it('asks for a key, and counts the refusals', async () => {
    await request(harness.baseUrl).get('/metrics').expect(401);
    await request(harness.baseUrl).get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
    const samples = await scrape(harness.baseUrl, key);
    assert.ok(
      (sampleValue(samples, 'assonant_auth_refusals_total', { status_code: '401' }) ?? 0) >= 2,
    );
  });
});
