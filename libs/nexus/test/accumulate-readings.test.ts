/**
 * Readings that become logs: in a during moment, timed readings of one field
 * are one NXlog in time order, whatever the arrival order; snapshot moments
 * keep the rule of the latest value and its superseded copies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComponentJson, FieldJson } from '#libs/model/src/assonant-json.js';
import type { StagedEvent } from '#libs/model/src/scan/index.js';
import { OPTIONS, deviceEvent, entryEvent, stagedScan } from '#libs/testing/src/staged-fixtures.js';
import { buildScanTree, nodeAt } from '../src/index.js';
import { attrText, classAt, datasetAt, elements } from './support/tree-access.js';

const D = '/sample_acquisition_during';
const ENERGY = `${D}/instrument/monochromator/energy`;
const T0 = Date.UTC(2024, 3, 25, 19, 0, 0) / 1000;

const monochromator = (energy: FieldJson): ComponentJson => ({
  class: 'Monochromator',
  name: 'monochromator',
  fields: { energy },
});

/** One reading of the energy, at `second` after T0, as a device event of the during moment. */
const reading = (eventId: string, second: number, value: number): StagedEvent =>
  deviceEvent(eventId, monochromator({ value, unit: 'keV' }), {
    moment: 'during',
    timestamp: new Date((T0 + second) * 1000).toISOString(),
  });

const series = (eventId: string, seconds: number[], values: number[]): StagedEvent =>
  deviceEvent(
    eventId,
    monochromator({
      value: { value: values, unit: 'keV' },
      timestamps: { value: seconds.map((s) => T0 + s), unit: 's' },
    }),
    { moment: 'during' },
  );

const build = (events: StagedEvent[]): ReturnType<typeof buildScanTree> =>
  buildScanTree(stagedScan(events), OPTIONS);

const logOf = (
  events: StagedEvent[],
): { values: unknown[]; times: unknown[]; warnings: string[] } => {
  const { root, warnings } = build(events);
  assert.equal(classAt(root, ENERGY), 'NXlog', warnings.join('\n'));
  return {
    values: elements(datasetAt(root, `${ENERGY}/value`).value),
    times: elements(datasetAt(root, `${ENERGY}/time`).value),
    warnings,
  };
};

describe('readings that become logs', () => {
  it('accumulates single timed readings of a field into one NXlog, in time order', () => {
    const events = [reading('r3', 2, 22.2), reading('r1', 0, 22.0), reading('r2', 1, 22.1)];
    for (const order of [events, [...events].reverse()]) {
      const log = logOf(order);
      assert.deepEqual(log.values, [22.0, 22.1, 22.2]);
      assert.deepEqual(log.times, [0, 1, 2]);
      assert.deepEqual(log.warnings, []);
    }
    const { root } = build(events);
    assert.equal(nodeAt(root, `${D}/instrument/monochromator/superseded`), undefined);
    assert.equal(attrText(root, `${ENERGY}/value`, 'units'), 'keV');
    assert.equal(attrText(root, `${ENERGY}/time`, 'start'), '2024-04-25T19:00:00Z');
  });

  it('concatenates TimeSeries pieces, one sample for a repeat, both kept for a clash', () => {
    const log = logOf([
      series('b', [2, 3], [22.2, 22.3]),
      series('a', [0, 1, 2], [22.0, 22.1, 22.2]),
      reading('c', 3, 99.9),
    ]);
    assert.deepEqual(log.values, [22.0, 22.1, 22.2, 22.3, 99.9]);
    assert.deepEqual(log.times, [0, 1, 2, 3, 3]);
    assert.equal(log.warnings.length, 1);
    assert.match(
      log.warnings[0] ?? '',
      /sample_acquisition_during\/monochromator\/energy: 1 reading\(s\) at a time that already has another value/,
    );
  });

  it('accumulates positions and readings of an Entry the same way', () => {
    const entry = (eventId: string, second: number, angle: number): StagedEvent =>
      entryEvent(eventId, {
        name: 'sample_acquisition_during',
        beamline: {
          name: 'MOGNO',
          subcomponents: {
            sample: {
              class: 'Sample',
              name: 'sample',
              positions: {
                rotation_angle: {
                  value: {
                    value: { value: [angle], unit: 'deg' },
                    timestamps: { value: [T0 + second], unit: 's' },
                  },
                  transformation_type: 'rotation',
                },
              },
            },
          },
        },
      });
    const { root, warnings } = build([entry('e2', 1, 0.5), entry('e1', 0, 0.0)]);
    const path = `${D}/sample/transformations/rotation_angle`;
    assert.equal(classAt(root, path), 'NXlog', warnings.join('\n'));
    assert.deepEqual(elements(datasetAt(root, `${path}/value`).value), [0.0, 0.5]);
  });

  it('keeps the snapshot rule at start and end, and for readings without a time', () => {
    const start = build([
      deviceEvent('s1', monochromator({ value: 22.0, unit: 'keV' }), {
        timestamp: new Date(T0 * 1000).toISOString(),
      }),
      deviceEvent('s2', monochromator({ value: 22.5, unit: 'keV' }), {
        timestamp: new Date((T0 + 1) * 1000).toISOString(),
      }),
    ]);
    const at = '/sample_acquisition_start/instrument/monochromator';
    assert.deepEqual(elements(datasetAt(start.root, `${at}/energy`).value), [22.5]);
    assert.equal(classAt(start.root, `${at}/superseded`), 'NXcollection');

    const untimed = build([
      reading('r1', 0, 22.0),
      deviceEvent('r2', monochromator({ value: 22.5, unit: 'keV' }), { moment: 'during' }),
    ]);
    assert.notEqual(classAt(untimed.root, ENERGY), 'NXlog');
    assert.equal(classAt(untimed.root, `${D}/instrument/monochromator/superseded`), 'NXcollection');
  });
});
