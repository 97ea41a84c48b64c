/**
 * `.npy` bodies as NumPy writes them (Debian's /usr/bin/python3 and numpy
 * make each one), read in small chunks as a socket delivers them: the
 * layout, the data bytes and their digest come out exactly; every header
 * the gateway cannot store is refused with what to send instead.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import {
  ArrayIntake,
  ArrayProblem,
  parseDtype,
  type ArrayLayout,
  type IntakeResult,
} from '../src/index.js';

/** The .npy of `expression` (numpy as np), and the bytes of the array's data in C order. */
async function npy(
  expression: string,
  version = '(1, 0)',
): Promise<{ file: Buffer; data: Buffer }> {
  const script = [
    'import io, sys, numpy as np',
    `a = ${expression}`,
    'b = io.BytesIO()',
    `np.lib.format.write_array(b, a, version=${version}, allow_pickle=True)`,
    // An object array's bytes are pointers: it has no data to compare.
    'data = b"" if a.dtype == object else np.ascontiguousarray(a).tobytes()',
    'sys.stdout.buffer.write(len(b.getvalue()).to_bytes(8, "little") + b.getvalue() + data)',
  ].join('\n');
  const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', script], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  const length = Number(stdout.readBigUInt64LE(0));
  return { file: stdout.subarray(8, 8 + length), data: stdout.subarray(8 + length) };
}

/** Feeds `body` 7 bytes at a time; what the intake passed on, and its result or its problem. */
async function intake(
  body: Buffer,
  source: ConstructorParameters<typeof ArrayIntake>[0] = { format: 'npy' },
): Promise<{ passed: Buffer; result: IntakeResult } | { problem: string }> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += 7) chunks.push(body.subarray(at, at + 7));
  const reader = new ArrayIntake(source, 'sha-256');
  const passed: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      passed.push(chunk);
      done();
    },
  });
  try {
    await pipeline(Readable.from(chunks), reader, sink);
  } catch (error) {
    if (error instanceof ArrayProblem) return { problem: error.message };
    throw error;
  }
  return { passed: Buffer.concat(passed), result: reader.result() };
}

function expectRead(outcome: Awaited<ReturnType<typeof intake>>): {
  passed: Buffer;
  result: IntakeResult;
} {
  if ('problem' in outcome) throw new assert.AssertionError({ message: outcome.problem });
  return outcome;
}

describe('reading an array upload', () => {
  for (const [expression, dtype, shape] of [
    ['np.arange(12, dtype=np.uint16).reshape(3, 4)', 'uint16', [3, 4]],
    ['np.linspace(0, 1, 5)', 'float64', [5]],
    ['np.array([True, False, True])', 'bool', [3]],
    ['np.arange(24, dtype=np.int32).reshape(2, 3, 4)', 'int32', [2, 3, 4]],
    ['np.float32(2.5)', 'float32', []],
    ['np.zeros((0, 4), dtype=np.uint8)', 'uint8', [0, 4]],
  ] as const) {
    it(`takes ${dtype} ${JSON.stringify(shape)} exactly`, async () => {
      const { file, data } = await npy(expression);
      const { passed, result } = expectRead(await intake(file));
      assert.equal(result.layout.dtype.name, dtype);
      assert.deepEqual(result.layout.shape, shape);
      assert.ok(passed.equals(data), 'the data bytes, header stripped');
      assert.equal(result.bytes, data.length);
      assert.equal(result.sha256, createHash('sha256').update(data).digest('hex'));
      assert.equal(result.bodyDigest, createHash('sha256').update(file).digest('base64'));
    });
  }

  it('takes format versions 2 and 3', async () => {
    for (const version of ['(2, 0)', '(3, 0)']) {
      const { file, data } = await npy('np.arange(6, dtype=np.int16)', version);
      assert.ok(expectRead(await intake(file)).passed.equals(data), version);
    }
  });

  it('takes a raw body with the layout it was sent with', async () => {
    const { data } = await npy('np.arange(8, dtype=np.uint16).reshape(2, 4)');
    const dtype = parseDtype('uint16');
    assert.ok(!('problem' in dtype));
    const layout: ArrayLayout = { dtype, shape: [2, 4] };
    const { passed, result } = expectRead(await intake(data, { format: 'raw', layout }));
    assert.ok(passed.equals(data));
    assert.equal(result.bytes, 16);
    const short = await intake(data.subarray(0, 10), { format: 'raw', layout });
    assert.ok('problem' in short);
    assert.match(
      short.problem,
      /shape \(2, 4\) of uint16 is 16 bytes, but the data ended after 10/,
    );
  });

  const refusals: [string, () => Promise<Buffer>, RegExp][] = [
    [
      'Fortran order',
      async () => (await npy('np.asfortranarray(np.ones((2, 3)))')).file,
      /Fortran order: send C order/,
    ],
    [
      'an object dtype',
      async () => (await npy('np.array([1, "a"], dtype=object)')).file,
      /Python objects/,
    ],
    [
      'a structured dtype',
      async () => (await npy('np.zeros(2, dtype=[("x", "<f4"), ("y", "<i2")])')).file,
      /structured dtype/,
    ],
    [
      'big-endian',
      async () => (await npy('np.arange(3, dtype=">u2")')).file,
      /big-endian: send little-endian \(<u2\)/,
    ],
    [
      'a complex dtype',
      async () => (await npy('np.zeros(2, dtype=np.complex64)')).file,
      /dtype <c8 is not one of bool, int8/,
    ],
    [
      'a truncated header',
      async () => (await npy('np.arange(4)')).file.subarray(0, 30),
      /ended inside the .npy header/,
    ],
    [
      'missing data',
      async () => (await npy('np.arange(4, dtype=np.uint8)')).file.subarray(0, -1),
      /is 4 bytes, but the data ended after 3/,
    ],
    [
      'extra data',
      async () =>
        Buffer.concat([(await npy('np.arange(4, dtype=np.uint8)')).file, Buffer.from([9])]),
      /holds more than 4/,
    ],
    ['not a .npy', () => Promise.resolve(Buffer.from('{"value": [1, 2, 3]}')), /not a \.npy file/],
  ];
  for (const [what, body, message] of refusals) {
    it(`refuses ${what}, saying what to send`, async () => {
      const outcome = await intake(await body());
      assert.ok('problem' in outcome, `${what} was taken`);
      assert.match(outcome.problem, message);
    });
  }

  it('names the dtypes it takes, in NumPy spellings', () => {
    for (const name of ['uint16', '<u2', 'u2', '|u1', 'uint8', '<f8', 'bool']) {
      assert.ok(!('problem' in parseDtype(name)), name);
    }
    const wrong = parseDtype('unit16');
    assert.ok('problem' in wrong);
    assert.match(wrong.problem, /dtype unit16 is not one of bool, int8, uint8, int16, uint16/);
  });
});
