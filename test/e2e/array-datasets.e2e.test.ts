/**
 * Uploaded arrays and frame streams in the written file, read back by h5py
 * (with hdf5plugin and Debian's filter plugins): frames sent in random order
 * stacked in index order, exact, chunked one frame per chunk and compressed
 * as the beamline or the upload chose; the same array as JSON gives an equal
 * dataset; the NXtomo entry links to the stream; references that name no
 * array of the scan are refused; missing frames are reported, not filled.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

const run = promisify(execFile);
const FRAMES = 6;
const Y = 64;
const X = 48;
/** Small, so that these small arrays are chunked and compressed as detector frames are. */
const CHUNK_ABOVE = 4096;

/** `np.save` of frame `k` of a reproducible random stack, as a Python client sends it. */
async function npyFrame(k: number, dtype = 'uint16'): Promise<Buffer> {
  const script = [
    'import io, sys, numpy as np',
    `a = np.random.default_rng(7).integers(0, 4000, size=(${FRAMES}, ${Y}, ${X})).astype(np.${dtype})`,
    'b = io.BytesIO()',
    `np.save(b, a[${k}])`,
    'sys.stdout.buffer.write(b.getvalue())',
  ].join('\n');
  const { stdout } = await run('/usr/bin/python3', ['-c', script], { encoding: 'buffer' });
  return stdout;
}

/** The data bytes of a .npy (its header is a multiple of 64 bytes long). */
function npyData(npy: Buffer): Buffer {
  return npy.subarray(npy.length - Y * X * 2);
}

/** h5py's view of datasets: values compared with the same random stack, chunks, filters. */
async function h5pyRead(file: string, paths: string[]): Promise<Record<string, H5Dataset>> {
  const script = `
import json, subprocess, sys
import h5py, hdf5plugin, numpy as np
a = np.random.default_rng(7).integers(0, 4000, size=(${FRAMES}, ${Y}, ${X})).astype(np.uint16)
out = {}
with h5py.File(sys.argv[1], 'r') as f:
    for p in sys.argv[2:]:
        d = f[p]
        entry = {'shape': list(d.shape), 'dtype': str(d.dtype), 'chunks': d.chunks,
                 'filters': {str(k): list(v) if isinstance(v, tuple) else v for k, v in d._filters.items()}}
        if 32015 in [int(k) if k.isdigit() else -1 for k in entry['filters']]:
            # No Zstd plugin in Debian's HDF5: the zstd tool reads a raw chunk.
            mask, raw = d.id.read_direct_chunk((0,) * len(d.shape))
            frame = subprocess.run(['zstd', '-d', '-c'], input=raw, capture_output=True, check=True).stdout
            entry['firstChunkEqual'] = bool(np.array_equal(np.frombuffer(frame, d.dtype).reshape(d.chunks), a[:1].astype(d.dtype)))
        else:
            v = d[()]
            entry['equal'] = bool(v.shape == a.shape and np.array_equal(v, a)) if v.ndim == 3 else None
            entry['firstFrameEqual'] = bool(np.array_equal(v[0], a[0])) if v.ndim == 3 else None
        out[p] = entry
print(json.dumps(out))
`;
  const { stdout } = await run('/usr/bin/python3', ['-c', script, file, ...paths]);
  return JSON.parse(stdout) as Record<string, H5Dataset>;
}

interface H5Dataset {
  shape: number[];
  dtype: string;
  chunks: number[] | null;
  filters: Record<string, unknown>;
  equal?: boolean | null;
  firstFrameEqual?: boolean | null;
  firstChunkEqual?: boolean;
}

interface StatusBody {
  status: string;
  warnings: string[];
  file?: { path: string };
  streams?: { stream: string; frames: number; missing: number[]; dtype: string; shape: number[] }[];
}

/** A Detector `camera` whose `data` names uploaded data, in an NXtomo-minded entry. */
function detectorEntry(value: unknown, entry = 'sample_acquisition_during'): string {
  return JSON.stringify({
    name: entry,
    beamline: {
      name: 'MOGNO',
      subcomponents: {
        camera: { class: 'Detector', name: 'camera', fields: { data: { value, unit: 'counts' } } },
      },
    },
  });
}

function shuffled(n: number): number[] {
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

describe('uploaded arrays in the file', () => {
  let harness: Harness;
  let client: ScanClient;

  const upload = (
    scanId: string,
    body: Buffer,
    type: string,
    query = '',
    headers: Record<string, string> = {},
  ): request.Test => {
    const call = request(harness.baseUrl)
      .post(`/v1/scans/${scanId}/arrays${query}`)
      .set('content-type', type);
    for (const [name, value] of Object.entries(headers)) void call.set(name, value);
    return call.send(body);
  };
  const open = (proposal: string, beamline = 'MOGNO'): Promise<string> =>
    client.open({ beamline, proposal, technique: 'CT' });
  const closeAndWait = async (scanId: string): Promise<StatusBody> => {
    await client.close(scanId);
    const answer = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=60`).expect(200);
    const status = answer.body as StatusBody;
    assert.equal(status.status, 'written', JSON.stringify(status));
    return status;
  };

  before(async () => {
    harness = await startHarness({
      env: {
        ARRAY_CHUNK_ABOVE_BYTES: String(CHUNK_ABOVE),
        ARRAY_COMPRESSION_BY_BEAMLINE: 'MANACA=lz4',
      },
    });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness?.close());

  it('stacks .npy frames sent in random order into one exact [n, y, x] dataset, chunked and gzipped', async () => {
    const scanId = await open('frames-npy');
    for (const k of shuffled(FRAMES)) {
      const answer = await upload(
        scanId,
        await npyFrame(k),
        'application/x-npy',
        `?stream=pco&index=${k}`,
      ).expect(201);
      assert.equal((answer.body as { index: number }).index, k);
    }
    const open_ = (await request(harness.baseUrl).get(`/v1/scans/${scanId}`).expect(200))
      .body as StatusBody;
    assert.deepEqual(open_.streams, [
      { stream: 'pco', dtype: 'uint16', shape: [Y, X], frames: FRAMES, missing: [] },
    ]);
    await client.entry(scanId, detectorEntry({ stream: 'pco' }));
    const status = await closeAndWait(scanId);
    const raw = '/sample_acquisition_during/instrument/camera/data';
    const read = await h5pyRead(status.file?.path ?? '', [raw, '/entry/data/data']);
    for (const [where, dataset] of Object.entries(read)) {
      assert.deepEqual(dataset.shape, [FRAMES, Y, X], where);
      assert.equal(dataset.dtype, 'uint16', where);
      assert.equal(dataset.equal, true, `${where}: the exact frames, in index order`);
      assert.deepEqual(dataset.chunks, [1, Y, X], `${where}: one frame per chunk`);
      assert.deepEqual(dataset.filters, { gzip: 4 }, `${where}: gzip, level 4 (the default)`);
    }
    const spool = await readdir(path.join(harness.config.arraySpoolDir, scanId)).catch(() => []);
    assert.deepEqual(spool, [], "the scan's spool went with its file written");
  });

  it('takes raw frames with their layout in headers, compressed as the upload asks (bitshuffle+LZ4)', async () => {
    const scanId = await open('frames-raw');
    for (const k of shuffled(FRAMES)) {
      await upload(
        scanId,
        npyData(await npyFrame(k)),
        'application/octet-stream',
        `?stream=eiger&index=${k}&compression=bslz4`,
        { 'X-Array-Dtype': '<u2', 'X-Array-Shape': `${Y},${X}` },
      ).expect(201);
    }
    await client.entry(scanId, detectorEntry({ stream: 'eiger' }));
    const status = await closeAndWait(scanId);
    const [read] = Object.values(
      await h5pyRead(status.file?.path ?? '', [
        '/sample_acquisition_during/instrument/camera/data',
      ]),
    );
    assert.equal(read?.equal, true, 'the exact frames, through the bitshuffle plugin');
    assert.deepEqual(read?.chunks, [1, Y, X]);
    // Bitshuffle's parameters: its version (2), element size, block size (0: its own), 2 for LZ4.
    const bitshuffle = read?.filters['32008'] as number[] | undefined;
    assert.deepEqual(bitshuffle?.slice(2), [2, 0, 2], 'uint16 elements, LZ4 after the shuffle');
  });

  it('compresses as the beamline chose (MANACA=lz4), and zstd with its level as an upload asks', async () => {
    const lz4Scan = await open('frames-lz4', 'MANACA');
    for (const k of [...Array(FRAMES).keys()]) {
      await upload(lz4Scan, await npyFrame(k), 'application/x-npy', `?stream=s&index=${k}`).expect(
        201,
      );
    }
    await client.entry(lz4Scan, detectorEntry({ stream: 's' }).replace('MOGNO', 'MANACA'));
    const lz4File = (await closeAndWait(lz4Scan)).file?.path ?? '';
    const [lz4] = Object.values(
      await h5pyRead(lz4File, ['/sample_acquisition_during/instrument/camera/data']),
    );
    assert.equal(lz4?.equal, true, 'read through the LZ4 plugin');
    assert.deepEqual(Object.keys(lz4?.filters ?? {}), ['32004']);

    const zstdScan = await open('frames-zstd');
    for (const k of [...Array(FRAMES).keys()]) {
      await upload(
        zstdScan,
        await npyFrame(k),
        'application/x-npy',
        `?stream=s&index=${k}&compression=zstd:7`,
      ).expect(201);
    }
    await client.entry(zstdScan, detectorEntry({ stream: 's' }));
    const zstdFile = (await closeAndWait(zstdScan)).file?.path ?? '';
    const [zstd] = Object.values(
      await h5pyRead(zstdFile, ['/sample_acquisition_during/instrument/camera/data']),
    );
    assert.deepEqual(zstd?.filters, { '32015': [7] }, 'the level is in the filter pipeline');
    assert.equal(zstd?.firstChunkEqual, true, 'the first chunk, decompressed by the zstd tool');
  });

  it('writes an array sent as JSON equal to the same array uploaded as .npy', async () => {
    const scanId = await open('json-vs-npy');
    const whole = await run('/usr/bin/python3', [
      '-c',
      [
        'import io, sys, json, numpy as np',
        `a = np.random.default_rng(7).integers(0, 4000, size=(${FRAMES}, ${Y}, ${X})).astype(np.uint16)`,
        'print(json.dumps(a.tolist()))',
      ].join('\n'),
    ]);
    const npy = await run(
      '/usr/bin/python3',
      [
        '-c',
        [
          'import io, sys, numpy as np',
          `a = np.random.default_rng(7).integers(0, 4000, size=(${FRAMES}, ${Y}, ${X})).astype(np.uint16)`,
          'b = io.BytesIO(); np.save(b, a); sys.stdout.buffer.write(b.getvalue())',
        ].join('\n'),
      ],
      { encoding: 'buffer' },
    );
    const { arrayId } = (await upload(scanId, npy.stdout, 'application/x-npy').expect(201))
      .body as { arrayId: string };
    await client.entry(scanId, detectorEntry({ array: arrayId }, 'sample_acquisition_start'));
    await client.entry(
      scanId,
      detectorEntry(JSON.parse(whole.stdout) as unknown, 'sample_acquisition_end'),
    );
    const status = await closeAndWait(scanId);
    const read = await h5pyRead(status.file?.path ?? '', [
      '/sample_acquisition_start/instrument/camera/data',
      '/sample_acquisition_end/instrument/camera/data',
    ]);
    const [uploaded, json] = Object.values(read);
    assert.equal(uploaded?.equal, true, 'the uploaded array');
    assert.equal(json?.equal, true, 'the JSON array: equal values');
    assert.deepEqual(uploaded?.shape, json?.shape);
    assert.deepEqual(uploaded?.chunks, json?.chunks, 'the same chunking');
    assert.deepEqual(uploaded?.filters, json?.filters, 'the same filter');
    // JSON has no uint16: its integers are int64, NeXus's NX_INT.
    assert.deepEqual([uploaded?.dtype, json?.dtype], ['uint16', 'int64']);
  });

  it("refuses a reference to another scan's array, or to none, naming the field", async () => {
    const mine = await open('refs-mine');
    const theirs = await open('refs-theirs');
    const { arrayId } = (await upload(theirs, await npyFrame(0), 'application/x-npy').expect(201))
      .body as { arrayId: string };
    for (const id of [arrayId, 'arr_00000000-0000-4000-8000-000000000000']) {
      const answer = await request(harness.baseUrl)
        .post(`/v1/scans/${mine}/entries`)
        .set('content-type', 'application/json')
        .send(detectorEntry({ array: id }))
        .expect(422);
      assert.match(answer.headers['content-type'] ?? '', /application\/problem\+json/);
      const [violation] = (
        answer.body as { violations: { path: string; rule: string; message: string }[] }
      ).violations;
      assert.equal(violation?.path, 'beamline.subcomponents.camera.fields.data.value');
      assert.equal(violation?.rule, 'arrayUploaded');
      assert.match(
        violation?.message ?? '',
        new RegExp(`${id} is not one of scan ${mine}'s arrays`),
      );
    }
    const malformed = await request(harness.baseUrl)
      .post(`/v1/scans/${mine}/entries`)
      .set('content-type', 'application/json')
      .send(detectorEntry({ array: 'frame-1' }))
      .expect(422);
    assert.match(JSON.stringify(malformed.body), /is not an arrayId/);
  });

  it('reports missing frame indices while open, stacks the rest without filling them, and tells a retry from a conflict', async () => {
    const scanId = await open('frames-missing');
    for (const k of [0, 1, 3, 5]) {
      await upload(scanId, await npyFrame(k), 'application/x-npy', `?stream=pco&index=${k}`).expect(
        201,
      );
    }
    const again = await upload(
      scanId,
      await npyFrame(3),
      'application/x-npy',
      '?stream=pco&index=3',
    ).expect(201);
    assert.equal(
      (again.body as { duplicate?: boolean }).duplicate,
      true,
      'the same bytes: a retry',
    );
    const conflict = await upload(
      scanId,
      await npyFrame(4),
      'application/x-npy',
      '?stream=pco&index=3',
    ).expect(409);
    assert.match((conflict.body as { detail: string }).detail, /has a frame 3 already/);
    const wrongShape = await upload(
      scanId,
      npyData(await npyFrame(2)).subarray(0, X * 2 * 2),
      'application/octet-stream',
      '?stream=pco&index=2',
      { 'X-Array-Dtype': 'uint16', 'X-Array-Shape': `2,${X}` },
    ).expect(422);
    assert.match(
      (wrongShape.body as { detail: string }).detail,
      /the stream's frames are uint16 \[64, 48\]/,
    );
    const half = await upload(scanId, await npyFrame(2), 'application/x-npy', '?stream=pco').expect(
      400,
    );
    assert.match((half.body as { detail: string }).detail, /index is required/);
    const noStream = await upload(scanId, await npyFrame(2), 'application/x-npy', '?index=2');
    assert.equal(noStream.status, 400);
    assert.match((noStream.body as { detail: string }).detail, /both \?stream=<name>&index=<n>/);

    const status = (await request(harness.baseUrl).get(`/v1/scans/${scanId}`).expect(200))
      .body as StatusBody;
    assert.deepEqual(status.streams?.[0]?.missing, [2, 4]);
    assert.equal(status.streams?.[0]?.frames, 4);
    const spool = await readdir(path.join(harness.config.arraySpoolDir, scanId));
    assert.equal(spool.length, 4, 'nothing kept of the retry, the conflict or the refusals');

    await client.entry(scanId, detectorEntry({ stream: 'pco' }));
    const written = await closeAndWait(scanId);
    assert.ok(
      written.warnings.some((w) => /stream pco: frame indices 2, 4 never came/.test(w)),
      written.warnings.join('\n'),
    );
    const [read] = Object.values(
      await h5pyRead(written.file?.path ?? '', [
        '/sample_acquisition_during/instrument/camera/data',
      ]),
    );
    assert.deepEqual(read?.shape, [4, Y, X], 'four frames, no zero-filled ones');
    assert.equal(read?.firstFrameEqual, true);
  });

  it('refuses, and keeps nothing of, an array whose body was still coming when the scan closed', async () => {
    const scanId = await open('close-mid-upload');
    await client.entry(scanId, detectorEntry(1.5));
    const body = await npyFrame(0);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const call = httpRequest(
        `${harness.baseUrl}/v1/scans/${scanId}/arrays`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-npy', 'content-length': body.length },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      call.on('error', reject);
      call.write(body.subarray(0, 1000), () => {
        // The close lands while the rest of the body is on its way.
        void client.close(scanId).then(() => call.end(body.subarray(1000)), reject);
      });
    });
    const { status, text } = await answer;
    assert.equal(status, 409, text);
    assert.match(text, /arrays are taken while it is open/);
    const written = (await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=60`).expect(200))
      .body as StatusBody;
    assert.equal(written.status, 'written');
    assert.ok(!written.warnings.some((w) => /unreferenced_uploads/.test(w)), 'not in the file');
    const spool = await readdir(path.join(harness.config.arraySpoolDir, scanId)).catch(() => []);
    assert.deepEqual(spool, []);
  });

  it('writes a stream no field names, and says how to place it', async () => {
    const scanId = await open('frames-unnamed');
    await upload(scanId, await npyFrame(0), 'application/x-npy', '?stream=orphan&index=0').expect(
      201,
    );
    await client.entry(scanId, detectorEntry(1.5));
    const written = await closeAndWait(scanId);
    assert.ok(
      written.warnings.some((w) =>
        /unreferenced_uploads\/orphan: stream orphan was uploaded/.test(w),
      ),
      written.warnings.join('\n'),
    );
    const [read] = Object.values(
      await h5pyRead(written.file?.path ?? '', [
        '/sample_acquisition_during/unreferenced_uploads/orphan',
      ]),
    );
    assert.deepEqual(read?.shape, [1, Y, X]);
    assert.equal(read?.firstFrameEqual, true);
  });
});
