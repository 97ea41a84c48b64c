/**
 * Uploaded data written from the spool: parts laid end to end along the
 * first axis, in slices, chunked and filtered as the policy says; read back
 * by h5py. A part with too few bytes fails the write, naming it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import {
  chunkShape,
  dataset,
  float64,
  group,
  parseCompression,
  writeNexusFile,
  type SpooledValue,
} from '../src/index.js';
import { tempDir } from '#libs/testing/src/h5py.js';

const FRAME = [3, 4];

async function frames(dir: string, count: number): Promise<string[]> {
  const parts: string[] = [];
  for (let k = 0; k < count; k++) {
    const part = join(dir, `frame-${k}.bin`);
    const values = Uint16Array.from({ length: 12 }, (_, i) => k * 100 + i);
    await writeFile(part, Buffer.from(values.buffer));
    parts.push(part);
  }
  return parts;
}

function stack(parts: string[], compression?: string): SpooledValue {
  const chosen = compression === undefined ? undefined : parseCompression(compression);
  return {
    dtype: 'spooled',
    element: 'uint16',
    itemSize: 2,
    shape: [parts.length, ...FRAME],
    parts,
    source: 'stream test',
    ...(chosen !== undefined && !('problem' in chosen) ? { compression: chosen } : {}),
  };
}

async function h5py(file: string, path: string): Promise<Record<string, unknown>> {
  const script = `
import json, sys, h5py
with h5py.File(sys.argv[1], 'r') as f:
    d = f[sys.argv[2]]
    print(json.dumps({'values': d[()].tolist(), 'dtype': str(d.dtype), 'chunks': d.chunks,
                      'filters': {str(k): v for k, v in d._filters.items()}}))`;
  const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', script, file, path]);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('uploaded data in the writer', () => {
  it('stacks the parts in order, chunked one frame per chunk, with the filter asked for', async () => {
    const temp = await tempDir();
    try {
      const parts = await frames(temp.dir, 5);
      const root = group('NXroot', [
        ['entry', group('NXentry', [['data', dataset(stack(parts, 'gzip:7'))]])],
      ]);
      const file = join(temp.dir, 'f.nxs');
      await writeNexusFile(root, file, {
        storage: { compression: { name: 'none' }, chunkAboveBytes: 1 },
      });
      const read = await h5py(file, '/entry/data');
      assert.equal(read.dtype, 'uint16');
      assert.deepEqual(read.chunks, [1, 3, 4]);
      assert.deepEqual(read.filters, { gzip: 7 });
      const values = read.values as number[][][];
      assert.deepEqual(
        values.map((frame) => frame[0]?.[0]),
        [0, 100, 200, 300, 400],
      );
      assert.equal(values[4]?.[2]?.[3], 411);
    } finally {
      await temp.cleanup();
    }
  });

  it('writes small data contiguous, and JSON arrays from the threshold on chunked too', async () => {
    const temp = await tempDir();
    try {
      const parts = await frames(temp.dir, 2);
      const big = float64(Array.from({ length: 4096 }, (_, i) => i));
      const root = group('NXroot', [
        [
          'entry',
          group('NXentry', [
            ['small', dataset(stack(parts))],
            ['json', dataset(big)],
          ]),
        ],
      ]);
      const file = join(temp.dir, 'f.nxs');
      await writeNexusFile(root, file, {
        storage: { compression: { name: 'bslz4' }, chunkAboveBytes: 1024 },
      });
      assert.equal((await h5py(file, '/entry/small')).chunks, null, '48 bytes: contiguous');
      const json = await h5py(file, '/entry/json');
      assert.deepEqual(json.chunks, [4096]);
      assert.deepEqual(Object.keys(json.filters as object), ['32008']);
      assert.equal((json.values as number[])[4095], 4095);
    } finally {
      await temp.cleanup();
    }
  });

  it('fails the write when a part holds fewer bytes than its share, naming it', async () => {
    const temp = await tempDir();
    try {
      const parts = await frames(temp.dir, 3);
      await writeFile(parts[1] ?? '', Buffer.alloc(10));
      const root = group('NXroot', [['data', dataset(stack(parts))]]);
      await assert.rejects(
        writeNexusFile(root, join(temp.dir, 'f.nxs'), {
          storage: { compression: { name: 'none' }, chunkAboveBytes: 1 },
        }),
        /frame-1\.bin holds 10 bytes, not 24/,
      );
    } finally {
      await temp.cleanup();
    }
  });

  it('chunks a stack by frame and anything else by about 1 MiB of rows', () => {
    assert.deepEqual(chunkShape([128, 2048, 2048], 2), [1, 2048, 2048]);
    assert.deepEqual(chunkShape([10_000, 1000], 8), [131, 1000]);
    assert.deepEqual(chunkShape([50, 1000], 8), [50, 1000]);
    assert.deepEqual(chunkShape([1_000_000], 4), [262_144]);
  });

  it('reads the compression choices with their levels, and says what is wrong', () => {
    assert.deepEqual(parseCompression('gzip'), { name: 'gzip', level: 4 });
    assert.deepEqual(parseCompression('ZSTD:9'), { name: 'zstd', level: 9 });
    assert.deepEqual(parseCompression('bslz4'), { name: 'bslz4' });
    assert.match(JSON.stringify(parseCompression('gzip:12')), /from 1 to 9/);
    assert.match(JSON.stringify(parseCompression('lz4:3')), /takes no level/);
    assert.match(JSON.stringify(parseCompression('blosc')), /not one of gzip, bslz4/);
  });
});
