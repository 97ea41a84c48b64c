import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { epochSecondsToIso, isoToEpochNanos } from '../src/iso-time.js';
import { jsonText, toNxValue } from '../src/json-values.js';
import { elements } from './support/tree-access.js';

describe('toNxValue', () => {
  it('keeps integers as int64 up to its limits', () => {
    const converted = toNxValue([2n ** 63n - 1n, -(2n ** 63n)]);
    assert.equal(converted.value.dtype, 'int64');
    assert.deepEqual(elements(converted.value), [2n ** 63n - 1n, -(2n ** 63n)]);
    assert.deepEqual(converted.issues, []);
  });

  it('stores an integer beyond int64 as float64 and says so', () => {
    const converted = toNxValue(2n ** 64n);
    assert.equal(converted.value.dtype, 'float64');
    assert.deepEqual(elements(converted.value), [2 ** 64]);
    assert.deepEqual(converted.issues, ['integer outside the int64 range stored as float64']);
  });

  it('says when mixing in floats rounds a large integer', () => {
    const converted = toNxValue([2n ** 53n + 1n, 0.5]);
    assert.equal(converted.value.dtype, 'float64');
    assert.equal(converted.issues.length, 1);
    assert.deepEqual(toNxValue([2n ** 53n, 0.5]).issues, []);
  });

  it('counts the nulls it stores as NaN', () => {
    const converted = toNxValue([
      [null, 1n],
      [2n, null],
    ]);
    assert.equal(converted.value.dtype, 'float64');
    assert.deepEqual(converted.value.shape, [2, 2]);
    assert.deepEqual(elements(converted.value), [NaN, 1, 2, NaN]);
    assert.equal(converted.nullCount, 2);
  });

  it('gives empty arrays their shape as float64', () => {
    assert.deepEqual(toNxValue([]).value.shape, [0]);
    assert.deepEqual(toNxValue([[], []]).value.shape, [2, 0]);
    assert.equal(toNxValue([[], []]).value.dtype, 'float64');
  });

  it('keeps as JSON text what no single HDF5 type holds', () => {
    for (const [value, text] of [
      [['a', 1n], '["a",1]'],
      [[true, 1.0], '[true,1.0]'],
      [['a', null], '["a",null]'],
      ['a\u0000b', '"a\\u0000b"'],
      [[[1n], [2n, 3n]], '[[1],[2,3]]'],
    ] as const) {
      const converted = toNxValue(value as Parameters<typeof toNxValue>[0]);
      assert.equal(converted.encoding, 'json');
      assert.deepEqual(converted.value, { dtype: 'string', shape: [], data: [text] });
      assert.equal(converted.issues.length, 1);
    }
  });
});

describe('jsonText', () => {
  it('writes integers without and floats with a fraction', () => {
    assert.equal(jsonText([3n, 3.0, 2.5, 1e21, -0.0]), '[3,3.0,2.5,1e+21,0.0]');
  });
});

describe('epochSecondsToIso', () => {
  it('writes UTC with microsecond resolution', () => {
    assert.equal(epochSecondsToIso(1714060800), '2024-04-25T16:00:00Z');
    assert.equal(epochSecondsToIso(1714060800n), '2024-04-25T16:00:00Z');
    assert.equal(epochSecondsToIso(1714060800.5), '2024-04-25T16:00:00.5Z');
    assert.equal(epochSecondsToIso(1714060800.000125), '2024-04-25T16:00:00.000125Z');
    assert.equal(epochSecondsToIso(1714060800 + 0.9999996), '2024-04-25T16:00:01Z');
  });

  it('refuses what is not a date', () => {
    assert.equal(epochSecondsToIso(NaN), undefined);
    assert.equal(epochSecondsToIso(1e15), undefined);
  });
});

describe('isoToEpochNanos', () => {
  it('orders instants finer than a millisecond, across time zones', () => {
    const a = isoToEpochNanos('2024-04-25T16:00:00.000001Z');
    const b = isoToEpochNanos('2024-04-25T13:00:00.000002-03:00');
    assert.ok(a !== undefined && b !== undefined && a < b);
    assert.equal(b - (a ?? 0n), 1000n);
  });

  it('refuses a date-time without a zone', () => {
    assert.equal(isoToEpochNanos('2024-04-25T16:00:00'), undefined);
    assert.equal(isoToEpochNanos('yesterday'), undefined);
  });
});
