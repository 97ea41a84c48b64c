/**
 * Binary array uploads through the real gateway: `.npy` bodies made by
 * Debian's numpy and raw bytes with their layout in headers are streamed to
 * the array spool, exactly; every bad upload is a clear 4xx that leaves
 * nothing behind; the scan's arrays go once its file is written.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

const LIMIT = 64 * 1024;

/** `np.save` of `expression` (numpy as np), as a Python client sends it. */
async function npy(expression: string): Promise<Buffer> {
  const script = `import io, sys, numpy as np\nb = io.BytesIO()\nnp.save(b, ${expression}, allow_pickle=True)\nsys.stdout.buffer.write(b.getvalue())`;
  const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', script], {
    encoding: 'buffer',
  });
  return stdout;
}

interface Uploaded {
  arrayId: string;
  dtype: string;
  shape: number[];
  bytes: number;
  sha256: string;
}

interface Problem {
  type: string;
  status: number;
  detail: string;
}

describe('array uploads', () => {
  let harness: Harness;
  let client: ScanClient;
  let scanId = '';

  const post = (body: Buffer, type: string, headers: Record<string, string> = {}): request.Test => {
    const call = request(harness.baseUrl)
      .post(`/v1/scans/${scanId}/arrays`)
      .set('content-type', type);
    for (const [name, value] of Object.entries(headers)) void call.set(name, value);
    return call.send(body);
  };
  const spooled = async (): Promise<string[]> =>
    (await readdir(path.join(harness.config.arraySpoolDir, scanId)).catch(() => [])).sort();

  before(async () => {
    harness = await startHarness({ env: { ARRAY_LIMIT_BYTES: String(LIMIT) } });
    client = new ScanClient(harness.baseUrl);
    scanId = await client.open({ beamline: 'MOGNO', proposal: 'arrays', technique: 'CT' });
  });
  after(async () => harness?.close());

  it('stores a .npy frame exactly, fsynced beside the data, described in its answer', async () => {
    const body = await npy('np.arange(64 * 32, dtype=np.uint16).reshape(64, 32)');
    const answer = await post(body, 'application/x-npy').expect(201);
    const uploaded = answer.body as Uploaded;
    assert.match(uploaded.arrayId, /^arr_[0-9a-f-]{36}$/);
    assert.equal(uploaded.dtype, 'uint16');
    assert.deepEqual(uploaded.shape, [64, 32]);
    assert.equal(uploaded.bytes, 64 * 32 * 2);
    const stored = await readFile(
      path.join(harness.config.arraySpoolDir, scanId, `${uploaded.arrayId}.bin`),
    );
    const data = body.subarray(body.length - uploaded.bytes);
    assert.ok(stored.equals(data), 'the data bytes, without the .npy header');
    assert.equal(uploaded.sha256, createHash('sha256').update(data).digest('hex'));
  });

  it('stores raw bytes with their layout in headers, and checks a Content-Digest', async () => {
    const data = Buffer.from(new Float32Array([1.5, 2.5, 3.5, 4.5]).buffer);
    const digest = `sha-256=:${createHash('sha256').update(data).digest('base64')}:`;
    const answer = await post(data, 'application/octet-stream', {
      'X-Array-Dtype': 'float32',
      'X-Array-Shape': '2,2',
      'Content-Digest': digest,
    }).expect(201);
    assert.deepEqual((answer.body as Uploaded).shape, [2, 2]);
    const wrong = await post(data, 'application/octet-stream', {
      'X-Array-Dtype': 'float32',
      'X-Array-Shape': '2,2',
      'Content-Digest': `sha-256=:${createHash('sha256').update('other').digest('base64')}:`,
    }).expect(422);
    assert.equal((wrong.body as Problem).type, 'urn:assonant-gateway:problem:digest-mismatch');
  });

  it('answers every bad upload with a 4xx saying what to send, and keeps nothing of it', async () => {
    const kept = await spooled();
    assert.equal(kept.length, 2, 'the two arrays above');
    const raw = Buffer.alloc(10);
    const cases: [string, () => Promise<request.Response>, number, RegExp][] = [
      [
        'a wrong dtype',
        async () =>
          post(raw, 'application/octet-stream', {
            'X-Array-Dtype': 'unit16',
            'X-Array-Shape': '5',
          }),
        422,
        /X-Array-Dtype: dtype unit16 is not one of/,
      ],
      [
        'a shape the bytes do not fill',
        async () =>
          post(raw, 'application/octet-stream', {
            'X-Array-Dtype': 'uint16',
            'X-Array-Shape': '2,4',
          }),
        422,
        /is 16 bytes, but the data ended after 10/,
      ],
      [
        'no layout for raw bytes',
        async () => post(raw, 'application/octet-stream'),
        422,
        /needs X-Array-Dtype/,
      ],
      [
        'a truncated .npy header',
        async () => post((await npy('np.arange(4)')).subarray(0, 30), 'application/x-npy'),
        422,
        /ended inside the .npy header/,
      ],
      [
        'Fortran order',
        async () => post(await npy('np.asfortranarray(np.ones((2, 3)))'), 'application/x-npy'),
        422,
        /Fortran order: send C order/,
      ],
      [
        'an object dtype',
        async () => post(await npy('np.array([1, "a"], dtype=object)'), 'application/x-npy'),
        422,
        /Python objects/,
      ],
      [
        'an upload over the limit',
        async () => post(await npy(`np.zeros(${LIMIT}, dtype=np.uint8)`), 'application/x-npy'),
        413,
        /ARRAY_LIMIT_BYTES/,
      ],
      [
        'a JSON body',
        async () => post(Buffer.from('[1, 2]'), 'application/json'),
        415,
        /application\/x-npy/,
      ],
    ];
    for (const [what, send, status, detail] of cases) {
      const answer = await send();
      assert.equal(answer.status, status, `${what}: ${answer.text}`);
      assert.match(answer.headers['content-type'] ?? '', /application\/problem\+json/, what);
      assert.match((answer.body as Problem).detail, detail, what);
    }
    assert.deepEqual(await spooled(), kept, 'nothing left of the refused uploads');
    await request(harness.baseUrl)
      .post('/v1/scans/no-such-scan/arrays')
      .set('content-type', 'application/x-npy')
      .send(await npy('np.arange(3)'))
      .expect(404);
  });

  it('takes no array once the scan is closed, and drops its arrays when the file is written', async () => {
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    await client.close(scanId);
    const written = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=30`).expect(200);
    assert.equal((written.body as { status: string }).status, 'written');
    // The worker removes them just after it records the file: a moment after the status says written.
    const deadline = Date.now() + 10_000;
    while ((await spooled()).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(await spooled(), [], "the scan's arrays went with its file written");
    const late = await post(await npy('np.arange(3)'), 'application/x-npy').expect(409);
    assert.match((late.body as Problem).detail, /arrays are taken while it is open/);
  });
});
