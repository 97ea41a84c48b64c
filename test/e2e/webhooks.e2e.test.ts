/**
 * Webhooks against a real local receiver: a scan's file written is
 * delivered once it succeeds, signed with the secret shown at creation,
 * with one delivery id across every attempt; the receiver fails the first
 * two attempts and the worker is restarted between them, and still the
 * delivery arrives, once, and its log says so.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { verifySignature } from '#libs/webhooks/src/index.js';
import { startWriteWorker, type RunningWriteWorker } from '../../apps/worker/src/write-worker.js';
import { fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

interface Created {
  id: string;
  secret: string;
  events: string[];
}

interface DeliveryLog {
  items: {
    deliveryId: string;
    state: string;
    attempts: number;
    lastStatus?: number;
    scanId: string;
  }[];
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await wait(50);
  }
}

describe('webhooks', () => {
  let harness: Harness;
  let worker: RunningWriteWorker | undefined;
  let receiver: Server;
  let receiverUrl = '';
  const received: Received[] = [];
  /** Answers of the next attempts, in order; 200 once they run out. */
  let script: number[] = [];
  let onAttempt: (count: number) => Promise<void> = () => Promise.resolve();

  before(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const answered = script.shift() ?? 200;
        received.push({ headers: req.headers, body, answered });
        void onAttempt(received.length).finally(() => {
          res.writeHead(answered, { 'Content-Type': 'text/plain' });
          res.end(answered === 200 ? 'ok' : 'try again');
        });
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/nexus`;
    harness = await startHarness({
      worker: false,
      env: { WEBHOOK_BACKOFF_MS: '200', WEBHOOK_ATTEMPTS: '6' },
    });
    worker = await startWriteWorker(harness.config, () => undefined);
  });
  after(async () => {
    await worker?.close();
    await harness?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('refuses a webhook without a URL or with an unknown event, naming the field', async () => {
    const refused = await request(harness.baseUrl)
      .post('/v1/webhooks')
      .send({ url: 'ftp://x', events: ['scan.writen'] })
      .expect(422)
      .expect('content-type', /application\/problem\+json/);
    const paths = (refused.body as { violations: { path: string }[] }).violations.map(
      (v) => v.path,
    );
    assert.ok(paths.includes('url'), JSON.stringify(refused.body));
    assert.ok(
      paths.some((path) => path.startsWith('events')),
      JSON.stringify(refused.body),
    );
    await request(harness.baseUrl).delete('/v1/webhooks/wh_none').expect(404);
  });

  it(
    'delivers a written scan once, signed, across failures and a worker restart',
    { timeout: 90_000 },
    async () => {
      const created = await request(harness.baseUrl)
        .post('/v1/webhooks')
        .send({ url: receiverUrl, events: ['scan.written'], beamline: 'MOGNO' })
        .expect(201);
      const webhook = created.body as Created;
      assert.match(webhook.secret, /^whsec_/);
      const listed = await request(harness.baseUrl).get('/v1/webhooks').expect(200);
      const items = (listed.body as { items: Record<string, unknown>[] }).items;
      assert.ok(items.some((item) => item.id === webhook.id));
      assert.ok(
        items.every((item) => !('secret' in item)),
        'the secret is shown once only',
      );

      // A MANACA scan is not this webhook's: it must never be delivered.
      const client = new ScanClient(harness.baseUrl);
      const other = await client.open({ beamline: 'MANACA', proposal: 'hooks', technique: 'MX' });
      await client.entry(other, fixtureText('manaca-mx-start'));
      await client.close(other);

      // The worker is replaced while the delivery waits for its second attempt.
      script = [500, 503];
      let replaced: Promise<RunningWriteWorker> | undefined;
      onAttempt = (count) => {
        if (count !== 1 || replaced !== undefined) return Promise.resolve();
        replaced = (async () => {
          await worker?.close();
          worker = await startWriteWorker(harness.config, () => undefined);
          return worker;
        })();
        return Promise.resolve();
      };
      const scanId = await client.open({ beamline: 'MOGNO', proposal: 'hooks', technique: 'CT' });
      await client.entry(scanId, fixtureText('mogno-tomography-start'));
      await client.close(scanId);

      const log = await until('a delivered delivery', async () => {
        const answer = await request(harness.baseUrl)
          .get(`/v1/webhooks/${webhook.id}/deliveries`)
          .expect(200);
        const found = (answer.body as DeliveryLog).items.find((item) => item.state === 'delivered');
        return found;
      });
      assert.ok(replaced !== undefined, 'the worker was restarted mid-delivery');
      await replaced;
      // Time for any duplicate to show up before counting.
      await wait(1000);

      assert.deepEqual(
        received.map((attempt) => attempt.answered),
        [500, 503, 200],
        'two failures, then one success, and nothing after it',
      );
      const ids = new Set(received.map((attempt) => attempt.headers['x-assonant-delivery']));
      assert.equal(ids.size, 1, 'one delivery id across every attempt');
      assert.equal([...ids][0], log.deliveryId);
      for (const attempt of received) {
        assert.equal(attempt.headers['x-assonant-event'], 'scan.written');
        const signature = String(attempt.headers['x-assonant-signature']);
        assert.ok(verifySignature(webhook.secret, attempt.body, signature), 'a valid signature');
        assert.ok(!verifySignature('whsec_other', attempt.body, signature));
      }
      // The Python client's helper, as a receiver would use it, agrees.
      const python = await promisify(execFile)(
        '/usr/bin/python3',
        [
          '-c',
          'import sys; from assonant_gateway.webhooks import verify_signature as v; ' +
            'print(v(sys.argv[1], sys.argv[2], sys.argv[3]), v("x", sys.argv[2], sys.argv[3]))',
          webhook.secret,
          received[2]?.body ?? '',
          String(received[2]?.headers['x-assonant-signature']),
        ],
        {
          cwd: path.join(PROJECT_ROOT, 'clients/python'),
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
        },
      );
      assert.equal(python.stdout.trim(), 'True False');
      const body = JSON.parse(received[2]?.body ?? '{}') as {
        event: string;
        deliveryId: string;
        scan: {
          scanId: string;
          status: string;
          file: { path: string };
          validation: { definition: string };
        };
      };
      assert.equal(body.event, 'scan.written');
      assert.equal(body.deliveryId, log.deliveryId);
      assert.equal(body.scan.scanId, scanId);
      assert.equal(body.scan.status, 'written');
      assert.equal(body.scan.validation.definition, 'NXtomo');
      assert.match(body.scan.file.path, new RegExp(`${scanId}\\.nxs$`));
      assert.equal(log.attempts, 3);
      assert.equal(log.lastStatus, 200);
      assert.equal(log.scanId, scanId);

      await request(harness.baseUrl).delete(`/v1/webhooks/${webhook.id}`).expect(204);
      await request(harness.baseUrl).get(`/v1/webhooks/${webhook.id}/deliveries`).expect(404);
    },
  );
});

describe('a webhook for failed scans', () => {
  let harness: Harness;
  let receiver: Server;
  const bodies: string[] = [];

  before(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // A file where the data directory should be: every write fails.
    const blocker = path.join((await tempDir('hooks-blocked-')).dir, 'not-a-dir');
    await writeFile(blocker, 'not a directory');
    harness = await startHarness({ env: { DATA_ROOT: blocker, WRITE_ATTEMPTS: '1' } });
  });
  after(async () => {
    await harness?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('is told why, once the write is given up', { timeout: 60_000 }, async () => {
    const port = (receiver.address() as AddressInfo).port;
    await request(harness.baseUrl)
      .post('/v1/webhooks')
      .send({ url: `http://127.0.0.1:${port}/failed`, events: ['scan.failed'] })
      .expect(201);
    const client = new ScanClient(harness.baseUrl);
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'hooks', technique: 'CT' });
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    await client.close(scanId);
    await until('the failure delivery', () =>
      Promise.resolve(bodies.length > 0 ? true : undefined),
    );
    const body = JSON.parse(bodies[0] ?? '{}') as {
      event: string;
      scan: { scanId: string; status: string; error: string };
    };
    assert.equal(body.event, 'scan.failed');
    assert.equal(body.scan.scanId, scanId);
    assert.equal(body.scan.status, 'failed');
    assert.match(body.scan.error, /ENOTDIR|not a directory/i);
    await wait(500);
    assert.equal(bodies.length, 1, 'delivered once');
  });
});
