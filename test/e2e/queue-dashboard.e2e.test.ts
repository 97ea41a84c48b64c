/**
 * bull-board at /admin/queues: the write queue with its jobs, open without
 * keys (a loopback gateway), and for the admin scope alone with keys on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { fixtureText } from '../helpers/fixtures.js';
import { writeApiKeysFile } from '../helpers/api-keys-file.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

interface BoardQueues {
  queues: { name: string; counts: Record<string, number>; jobs: { id: string }[] }[];
}

describe('the queue dashboard', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({ worker: false });
  });
  after(async () => harness?.close());

  it('shows the write queue and the job of a closed scan', async () => {
    const client = new ScanClient(harness.baseUrl);
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'board', technique: 'CT' });
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    await client.close(scanId);

    const page = await request(harness.baseUrl).get('/admin/queues').expect(200);
    assert.match(page.headers['content-type'] ?? '', /text\/html/);
    // Relative to <base href="/admin/queues/">.
    const scripts = [...page.text.matchAll(/src="(static\/js\/[^"]+\.js)"/g)].map((m) => m[1]);
    assert.ok(scripts.length > 0, `the page loads its scripts from the board: ${page.text}`);
    for (const script of scripts) {
      await request(harness.baseUrl)
        .get(`/admin/queues/${script}`)
        .expect(200)
        .expect('content-type', /javascript/);
    }

    const api = await request(harness.baseUrl)
      .get('/admin/queues/api/queues')
      .query({ activeQueue: 'nexus-write', status: 'waiting' })
      .expect(200);
    const queue = (api.body as BoardQueues).queues.find((q) => q.name === 'nexus-write');
    assert.ok(queue !== undefined, JSON.stringify(api.body));
    assert.equal(queue.counts.waiting, 1, 'no worker runs here: the write waits');
    assert.deepEqual(
      queue.jobs.map((job) => job.id),
      [`write-${scanId}`],
    );
  });
});

describe('the queue dashboard with keys on', () => {
  let harness: Harness;
  let keys: Record<string, string> = {};

  before(async () => {
    const made = await writeApiKeysFile([
      { id: 'ops', scopes: ['admin'] },
      { id: 'reader', scopes: ['read'] },
    ]);
    keys = made.keys;
    const file = made.file;
    harness = await startHarness({ worker: false, env: { API_KEYS_FILE: file } });
  });
  after(async () => harness?.close());

  it('is for the admin scope alone', async () => {
    const problem = (response: request.Response): { status: number; detail: string } =>
      response.body as { status: number; detail: string };
    const none = await request(harness.baseUrl).get('/admin/queues').expect(401);
    assert.equal(problem(none).status, 401);
    const read = await request(harness.baseUrl)
      .get('/admin/queues/api/queues')
      .set('Authorization', `Bearer ${keys.reader}`)
      .expect(403)
      .expect('content-type', /application\/problem\+json/);
    assert.match(problem(read).detail, /needs the admin scope/);
    await request(harness.baseUrl)
      .get('/admin/queues')
      .set('Authorization', `Bearer ${keys.ops}`)
      .expect(200);
  });
});
