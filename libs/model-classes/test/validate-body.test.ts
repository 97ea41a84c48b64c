import 'reflect-metadata';
import assert from 'node:assert/strict';
import { IsInt, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Component } from '../src/classes/component.js';
import { DeviceEventRequest } from '../src/classes/device-event-request.js';
import { Entry } from '../src/classes/entry.js';
import {
  EXAMPLE_DEVICE_EVENT,
  EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
  EXAMPLE_MOGNO_TOMOGRAPHY_START,
} from '#libs/model/src/examples/index.js';
import { compileValidator, validateBody } from '../src/validation/validate-body.js';
import type { Violation } from '#libs/model/src/validation/violation.js';
import { at, edit, edits, REMOVE } from './support/json-edit.js';
import { nestedChain } from './support/malformed-cases.js';
import { plainVerdict } from './support/plain-class-validator.js';
import { describe, it } from 'node:test';

const START = EXAMPLE_MOGNO_TOMOGRAPHY_START;
const CAMERA = 'beamline.subcomponents.camera';
const ENERGY_SERIES = 'beamline.subcomponents.monochromator.fields.energy';

function violationsOf(cls: new () => object, body: unknown): Violation[] {
  const result = validateBody(cls, body);
  return result.ok ? [] : result.violations;
}

/** Accepted by the compiled validator and by class-validator alike. */
function assertAccepted(cls: new () => object, body: unknown): void {
  assert.deepEqual(violationsOf(cls, body), []);
  assert.equal(plainVerdict(cls, body), 'accepted');
}

describe('validateBody', () => {
  it('lists every violation, not just the first', () => {
    const body = edits(
      START,
      [['name'], 'nope'],
      [at(`${CAMERA}.class`), 'Camera'],
      [at(`${CAMERA}.fields.model.value`), { a: 1 }],
      [at('beamline.subcomponents.sample.positions.x.transformation_type'), 'twist'],
    );
    assert.deepEqual(
      violationsOf(Entry, body)
        .map((v) => `${v.path} ${v.rule}`)
        .sort(),
      [
        `${CAMERA}.class isIn`,
        `${CAMERA}.fields.model.value isFieldValue`,
        'beamline.subcomponents.sample.positions.x.transformation_type isIn',
        'name isIn',
      ],
    );
  });

  it('reports a missing key once, as required', () => {
    const violations = violationsOf(
      DeviceEventRequest,
      edit(EXAMPLE_DEVICE_EVENT, ['stage'], REMOVE),
    );
    assert.deepEqual(violations, [
      { path: 'stage', rule: 'required', message: 'stage is required' },
    ]);
  });

  it('stops listing at maxViolations and says so', () => {
    const fields = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i]));
    const result = validateBody(Entry, edit(START, ['fields'], fields), { maxViolations: 10 });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.violations.length, 11);
    assert.equal(result.violations[10]?.rule, 'tooManyViolations');
  });

  it('accepts components nested 32 levels deep (the limit)', () => {
    assertAccepted(Entry, nestedChain(31));
  });

  it('accepts a beamline without class, maps left out, and null values and units', () => {
    const body = {
      name: 'dark_field_acquisition_end',
      beamline: {
        name: 'CARNAUBA',
        subcomponents: {
          xrf: { class: 'Detector', name: 'xrf', fields: { dead_time: { value: null } } },
          stage: { class: 'Sample', name: 'stage' },
        },
      },
    };
    assertAccepted(Entry, body);
  });

  it('accepts a time series of 2-D samples with one timestamp each', () => {
    const series = {
      value: {
        value: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        unit: 'counts',
      },
      timestamps: { value: [0, 0.5, 1], unit: 's' },
    };
    assertAccepted(Entry, edit(START, at('fields.frames'), series));
    const short = edit(START, at('fields.frames'), { ...series, timestamps: { value: [0, 0.5] } });
    assert.deepEqual(
      violationsOf(Entry, short).map((v) => `${v.path} ${v.rule}`),
      ['fields.frames oneTimestampPerSample'],
    );
  });

  it('accepts an axis chain with vector, offset and depends_on', () => {
    const body = edits(
      START,
      [at('beamline.subcomponents.sample.positions.x.vector'), [1, 0, 0]],
      [at('beamline.subcomponents.sample.positions.x.offset'), [0, 0, 1.5]],
      [at('beamline.subcomponents.sample.positions.x.offset_units'), 'mm'],
      [at('beamline.subcomponents.sample.positions.x.depends_on'), 'y'],
      [at('beamline.subcomponents.sample.positions.y.depends_on'), '.'],
    );
    assertAccepted(Entry, body);
  });

  it('accepts a TimeSeries axis (the during example) and rejects a broken one', () => {
    assertAccepted(Entry, EXAMPLE_MOGNO_TOMOGRAPHY_DURING);
    const broken = edit(
      EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
      at('beamline.subcomponents.sample.positions.rotation_angle.value.timestamps'),
      REMOVE,
    );
    assert.ok(violationsOf(Entry, broken).length > 0);
  });

  it('does not change the body', () => {
    const body = edit(START, at(`${ENERGY_SERIES}.unit`), 7);
    const before = JSON.stringify(body);
    validateBody(Entry, body);
    assert.equal(JSON.stringify(body), before);
  });

  it('never throws on hostile shapes', () => {
    const hostile: unknown[] = [
      undefined,
      0,
      Number.NaN,
      Symbol('s'),
      () => 1,
      new Map(),
      Object.create(null),
      JSON.parse(`{"name":${'['.repeat(50_000)}${']'.repeat(50_000)}}`) as unknown,
      {
        name: 'sample_acquisition_start',
        beamline: {
          name: 'b',
          fields: {
            f: { value: JSON.parse(`${'['.repeat(50_000)}1${']'.repeat(50_000)}`) as unknown },
          },
        },
      },
      nestedChain(20_000),
    ];
    for (const body of hostile) {
      assert.doesNotThrow(() => validateBody(Entry, body));
      assert.equal(validateBody(Entry, body).ok, false);
    }
  });

  it('validates a body of 100 000 bad fields quickly, listing a bounded number', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`f${i}/x`, { value: i }]),
    );
    const started = process.hrtime.bigint();
    const result = validateBody(Component, { class: 'Detector', name: 'big', fields });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.violations.length, 1001);
    assert.ok(elapsedMs < 2000, `${elapsedMs} ms`);
  });
});

describe('compiled validators of other classes', () => {
  class Query {
    @IsOptional()
    @Matches(/^[A-Z]+$/)
    beamline?: string;

    @IsOptional()
    @IsInt({ each: true })
    pages?: number[];
  }

  it('work for any class-validator class, with objects of any prototype', () => {
    const query: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    query.beamline = 'MOGNO';
    assert.equal(validateBody(Query, query).ok, true);
    assert.deepEqual(
      violationsOf(Query, { beamline: 'mogno', pages: [1, 2.5], extra: 1 }).map(
        (v) => `${v.path} ${v.rule}`,
      ),
      ['extra unknownKey', 'beamline matches', 'pages isInt'],
    );
  });

  it('refuse at compile time a nested property whose type is not declared', () => {
    class Untyped {
      @ValidateNested()
      child?: object;
    }
    assert.throws(
      () => compileValidator(Untyped),
      /Untyped\.child uses @ValidateNested without @Nested or @MapOf/,
    );
  });

  it('refuse at compile time a class without rules', () => {
    class Bare {
      name?: string;
    }
    assert.throws(() => compileValidator(Bare), /Bare has no validation decorators/);
  });
});
