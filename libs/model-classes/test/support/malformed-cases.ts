/**
 * Malformed bodies, each built from a valid example by one change, with the
 * violation it must produce (path and rule). Shared by the compiled-validator
 * test and the agreement test.
 */
import { CreateScanRequest } from '../../src/classes/create-scan-request.js';
import { DeviceEventRequest } from '../../src/classes/device-event-request.js';
import { Entry } from '../../src/classes/entry.js';
import { ExperimentDone } from '../../src/classes/experiment-done.js';
import {
  EXAMPLE_CREATE_SCAN,
  EXAMPLE_DEVICE_EVENT,
  EXAMPLE_EXPERIMENT_DONE,
  EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
  EXAMPLE_MOGNO_TOMOGRAPHY_START,
} from '#libs/model/src/examples/index.js';
import { at, edit, edits, REMOVE } from './json-edit.js';

export interface MalformedCase {
  readonly name: string;
  readonly cls: new () => object;
  readonly body: unknown;
  /** One violation that must be listed (others may be too). */
  readonly path: string;
  readonly rule: string;
  /**
   * When plain class-transformer + class-validator does not simply reject
   * this body: what it does instead, and why. Absent when it rejects it.
   */
  readonly plain?: { readonly verdict: 'accepted' | 'threw'; readonly why: string };
}

const START = EXAMPLE_MOGNO_TOMOGRAPHY_START;
const DURING = EXAMPLE_MOGNO_TOMOGRAPHY_DURING;
const CAMERA = 'beamline.subcomponents.camera';
const CRYSTAL = 'beamline.subcomponents.monochromator.subcomponents.crystal_1';
const SAMPLE_X = 'beamline.subcomponents.sample.positions.x';
const ENERGY_SERIES = 'beamline.subcomponents.monochromator.fields.energy';

/** An Entry whose camera has one more field. */
function cameraField(key: string, field: unknown): unknown {
  return edit(START, [...at(`${CAMERA}.fields`), key], field);
}

const FIELD = { value: 1, unit: null, extra_metadata: {} };

/** An Entry with a chain of `depth` Sensors under the beamline (level 1), each named "c". */
export function nestedChain(depth: number): unknown {
  let component: Record<string, unknown> = { class: 'Sensor', name: 'c' };
  for (let level = 1; level < depth; level++) {
    component = { class: 'Sensor', name: 'c', subcomponents: { c: component } };
  }
  return {
    name: 'sample_acquisition_start',
    beamline: { name: 'MOGNO', subcomponents: { c: component } },
  };
}

const entryCases: MalformedCase[] = [
  // Unknown keys, at every depth.
  {
    name: 'unknown key in the entry',
    cls: Entry,
    body: edit(START, ['comment'], 'x'),
    path: 'comment',
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in the beamline',
    cls: Entry,
    body: edit(START, at('beamline.color'), 'x'),
    path: 'beamline.color',
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in a component',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.serial`), 'x'),
    path: `${CAMERA}.serial`,
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in a subcomponent',
    cls: Entry,
    body: edit(START, at(`${CRYSTAL}.cut`), '111'),
    path: `${CRYSTAL}.cut`,
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in a field',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.scale`), 2),
    path: `${CAMERA}.fields.model.scale`,
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in an entry field',
    cls: Entry,
    body: edit(START, at('fields.proposal_id.note'), 'x'),
    path: 'fields.proposal_id.note',
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in a time series',
    cls: Entry,
    body: edit(DURING, at(`${ENERGY_SERIES}.interpolation`), 'linear'),
    path: `${ENERGY_SERIES}.interpolation`,
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in a time series value',
    cls: Entry,
    body: edit(DURING, at(`${ENERGY_SERIES}.value.offset`), 0),
    path: `${ENERGY_SERIES}.value.offset`,
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in an axis',
    cls: Entry,
    body: edit(START, at(`${SAMPLE_X}.speed`), 1),
    path: `${SAMPLE_X}.speed`,
    rule: 'unknownKey',
  },
  {
    name: 'unknown key in an axis value',
    cls: Entry,
    body: edit(START, at(`${SAMPLE_X}.value.raw`), 1),
    path: `${SAMPLE_X}.value.raw`,
    rule: 'unknownKey',
  },
  {
    name: 'object as an extra_metadata value',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.extra_metadata.vendor`), { name: 'PCO' }),
    path: `${CAMERA}.fields.model.extra_metadata.vendor`,
    rule: 'isMetadataValue',
  },
  {
    name: '"constructor" as an unknown entry key',
    cls: Entry,
    body: JSON.parse(`{"constructor": 1, ${JSON.stringify(START).slice(1)}`),
    path: 'constructor',
    rule: 'unknownKey',
    plain: {
      verdict: 'accepted',
      why: 'class-transformer skips "__proto__" and "constructor" keys, so class-validator never sees them',
    },
  },
  {
    name: '"toString" as an unknown field key',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.toString`), 'x'),
    path: `${CAMERA}.fields.model.toString`,
    rule: 'unknownKey',
    plain: {
      verdict: 'accepted',
      why: 'class-transformer skips keys that name a method the instance inherits',
    },
  },
  // Wrong types.
  {
    name: 'entry name is a number',
    cls: Entry,
    body: edit(START, ['name'], 3),
    path: 'name',
    rule: 'isIn',
  },
  {
    name: 'component name is a number',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.name`), 7),
    path: `${CAMERA}.name`,
    rule: 'isLinkName',
  },
  {
    name: 'fields is an array',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields`), []),
    path: `${CAMERA}.fields`,
    rule: 'isMap',
  },
  {
    name: 'subcomponents is null',
    cls: Entry,
    body: edit(START, at('beamline.subcomponents'), null),
    path: 'beamline.subcomponents',
    rule: 'isMap',
  },
  {
    name: 'a field is a bare number',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.bit_depth`), 16),
    path: `${CAMERA}.fields.bit_depth`,
    rule: 'isObject',
  },
  {
    name: 'unit is a number',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.unit`), 1),
    path: `${CAMERA}.fields.model.unit`,
    rule: 'isString',
  },
  {
    name: 'object as a value',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.value`), { text: 'PCO' }),
    path: `${CAMERA}.fields.model.value`,
    rule: 'isFieldValue',
  },
  {
    name: 'value key missing',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.value`), REMOVE),
    path: `${CAMERA}.fields.model.value`,
    rule: 'required',
  },
  {
    name: 'beamline missing',
    cls: Entry,
    body: edit(START, ['beamline'], REMOVE),
    path: 'beamline',
    rule: 'required',
  },
  {
    name: 'beamline is a string',
    cls: Entry,
    body: edit(START, ['beamline'], 'MOGNO'),
    path: 'beamline',
    rule: 'isObject',
  },
  {
    name: 'axis value is an array',
    cls: Entry,
    body: edit(START, at(`${SAMPLE_X}.value`), [0.125]),
    path: `${SAMPLE_X}.value`,
    rule: 'isObject',
  },
  {
    name: 'extra_metadata is a string',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.extra_metadata`), 'x'),
    path: `${CAMERA}.fields.model.extra_metadata`,
    rule: 'isMap',
  },
  // Classes and enums.
  {
    name: 'unknown component class',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.class`), 'Camera'),
    path: `${CAMERA}.class`,
    rule: 'isIn',
  },
  {
    name: 'component class missing',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.class`), REMOVE),
    path: `${CAMERA}.class`,
    rule: 'required',
  },
  {
    name: 'beamline of another class',
    cls: Entry,
    body: edit(START, at('beamline.class'), 'Monochromator'),
    path: 'beamline.class',
    rule: 'equals',
  },
  {
    name: 'bad transformation_type',
    cls: Entry,
    body: edit(START, at(`${SAMPLE_X}.transformation_type`), 'twist'),
    path: `${SAMPLE_X}.transformation_type`,
    rule: 'isIn',
  },
  {
    name: 'entry name not <stage>_<moment>',
    cls: Entry,
    body: edit(START, ['name'], 'sample_acquisition_later'),
    path: 'name',
    rule: 'isIn',
  },
  // Time series.
  {
    name: 'time series lengths differ',
    cls: Entry,
    body: edit(DURING, [...at(`${ENERGY_SERIES}.timestamps.value`), 5], REMOVE),
    path: ENERGY_SERIES,
    rule: 'oneTimestampPerSample',
  },
  {
    name: 'time series value is a scalar',
    cls: Entry,
    body: edit(DURING, at(`${ENERGY_SERIES}.value.value`), 22),
    path: `${ENERGY_SERIES}.value.value`,
    rule: 'isArray',
  },
  {
    name: 'timestamp is a string',
    cls: Entry,
    body: edit(DURING, [...at(`${ENERGY_SERIES}.timestamps.value`), 0], '2024-04-25T16:00:00Z'),
    path: `${ENERGY_SERIES}.timestamps.value`,
    rule: 'isNumber',
  },
  {
    name: 'time series without timestamps value',
    cls: Entry,
    body: edit(DURING, at(`${ENERGY_SERIES}.timestamps.value`), REMOVE),
    path: `${ENERGY_SERIES}.timestamps.value`,
    rule: 'required',
  },
  // Names that cannot be HDF5 links.
  {
    name: 'field key with "/"',
    cls: Entry,
    body: cameraField('a/b', FIELD),
    path: `${CAMERA}.fields.a/b`,
    rule: 'isLinkName',
  },
  {
    name: 'field key "."',
    cls: Entry,
    body: cameraField('.', FIELD),
    path: `${CAMERA}.fields..`,
    rule: 'isLinkName',
  },
  {
    name: 'field key ".."',
    cls: Entry,
    body: cameraField('..', FIELD),
    path: `${CAMERA}.fields...`,
    rule: 'isLinkName',
  },
  {
    name: 'empty field key',
    cls: Entry,
    body: cameraField('', FIELD),
    path: `${CAMERA}.fields.`,
    rule: 'isLinkName',
  },
  {
    name: 'field key with a control character',
    cls: Entry,
    body: cameraField('\u0001', FIELD),
    path: `${CAMERA}.fields.\u0001`,
    rule: 'isLinkName',
  },
  {
    name: 'field key with DEL',
    cls: Entry,
    body: cameraField('gain\u007f', FIELD),
    path: `${CAMERA}.fields.gain\u007f`,
    rule: 'isLinkName',
  },
  {
    name: 'field key longer than 255',
    cls: Entry,
    body: cameraField('x'.repeat(256), FIELD),
    path: `${CAMERA}.fields.${'x'.repeat(256)}`,
    rule: 'isLinkName',
  },
  {
    name: '"__proto__" as a fields key',
    cls: Entry,
    body: JSON.parse(
      '{"name":"sample_acquisition_start","beamline":{"name":"MOGNO","fields":{"__proto__":{"value":1}}}}',
    ),
    path: 'beamline.fields.__proto__',
    rule: 'isLinkName',
  },
  {
    name: '"constructor" as a positions key',
    cls: Entry,
    body: edit(START, [...at('beamline.subcomponents.sample.positions'), 'constructor'], {
      value: { value: 1 },
      transformation_type: 'rotation',
    }),
    path: 'beamline.subcomponents.sample.positions.constructor',
    rule: 'isLinkName',
    plain: {
      verdict: 'threw',
      why: 'class-transformer takes an own "constructor" object for the class of the map',
    },
  },
  {
    name: 'extra_metadata key with "/"',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.extra_metadata`), { 'a/b': 1 }),
    path: `${CAMERA}.fields.model.extra_metadata.a/b`,
    rule: 'isLinkName',
  },
  {
    name: 'component name with "/"',
    cls: Entry,
    body: edits(START, [at(`${CAMERA}.name`), 'cam/1']),
    path: `${CAMERA}.name`,
    rule: 'isLinkName',
  },
  {
    name: 'subcomponent key differs from its name',
    cls: Entry,
    body: edit(START, at('beamline.subcomponents.slit_1.name'), 'slit_2'),
    path: 'beamline.subcomponents.slit_1.name',
    rule: 'keyMatchesName',
  },
  // Arrays.
  {
    name: 'ragged 2-D array',
    cls: Entry,
    body: edit(START, [...at(`${CAMERA}.fields.dark_field_mean.value`), 2], [100, 100, 99]),
    path: `${CAMERA}.fields.dark_field_mean.value`,
    rule: 'isFieldValue',
  },
  {
    name: 'array mixing numbers and strings',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.image_shape.value`), [2048, '2048']),
    path: `${CAMERA}.fields.image_shape.value`,
    rule: 'isFieldValue',
  },
  {
    name: 'array mixing depths',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.image_shape.value`), [2048, [2048]]),
    path: `${CAMERA}.fields.image_shape.value`,
    rule: 'isFieldValue',
  },
  {
    name: 'null in a string array',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.value`), ['PCO', null]),
    path: `${CAMERA}.fields.model.value`,
    rule: 'isFieldValue',
  },
  {
    name: 'array of objects',
    cls: Entry,
    body: edit(START, at(`${CAMERA}.fields.model.value`), [{}]),
    path: `${CAMERA}.fields.model.value`,
    rule: 'isFieldValue',
  },
  // Axis geometry.
  {
    name: 'vector of 2 numbers',
    cls: Entry,
    body: edit(START, at(`${SAMPLE_X}.vector`), [1, 0]),
    path: `${SAMPLE_X}.vector`,
    rule: 'isVector3',
  },
  {
    name: 'offset holding a string',
    cls: Entry,
    body: edit(START, at(`${SAMPLE_X}.offset`), [0, '0', 0]),
    path: `${SAMPLE_X}.offset`,
    rule: 'isVector3',
  },
  {
    name: 'depends_on with "/"',
    cls: Entry,
    body: edit(START, at(`${SAMPLE_X}.depends_on`), 'y/z'),
    path: `${SAMPLE_X}.depends_on`,
    rule: 'isAxisReference',
  },
  // Depth.
  {
    name: 'components nested 1000 deep',
    cls: Entry,
    body: nestedChain(1000),
    path: `beamline${'.subcomponents.c'.repeat(32)}`,
    rule: 'maxDepth',
    plain: {
      verdict: 'threw',
      why: 'class-transformer recurses once per level and overflows the stack',
    },
  },
  {
    name: 'components nested 33 deep',
    cls: Entry,
    body: nestedChain(32),
    path: `beamline${'.subcomponents.c'.repeat(32)}`,
    rule: 'maxDepth',
  },
];

const nonObjectCases: MalformedCase[] = [
  { name: 'array body', cls: Entry, body: [START], path: '', rule: 'isObject' },
  { name: 'string body', cls: Entry, body: 'sample_acquisition_start', path: '', rule: 'isObject' },
  {
    name: 'null body',
    cls: DeviceEventRequest,
    body: null,
    path: '',
    rule: 'isObject',
    plain: { verdict: 'threw', why: 'class-validator reads the constructor of null' },
  },
  { name: 'number body', cls: CreateScanRequest, body: 42, path: '', rule: 'isObject' },
];

const DEVICE = EXAMPLE_DEVICE_EVENT;
const deviceCases: MalformedCase[] = [
  {
    name: 'bad stage',
    cls: DeviceEventRequest,
    body: edit(DEVICE, ['stage'], 'alignment'),
    path: 'stage',
    rule: 'isIn',
  },
  {
    name: 'bad moment',
    cls: DeviceEventRequest,
    body: edit(DEVICE, ['moment'], 'after'),
    path: 'moment',
    rule: 'isIn',
  },
  {
    name: 'timestamp without a zone',
    cls: DeviceEventRequest,
    body: edit(DEVICE, ['timestamp'], '2024-04-25T16:00:05'),
    path: 'timestamp',
    rule: 'isZonedDateTime',
  },
  {
    name: 'timestamp on a day that does not exist',
    cls: DeviceEventRequest,
    body: edit(DEVICE, ['timestamp'], '2024-02-30T16:00:05Z'),
    path: 'timestamp',
    rule: 'isZonedDateTime',
  },
  {
    name: 'eventId with a space',
    cls: DeviceEventRequest,
    body: edit(DEVICE, ['eventId'], 'dcm 1'),
    path: 'eventId',
    rule: 'matches',
  },
  {
    name: 'unknown key in the device',
    cls: DeviceEventRequest,
    body: edit(DEVICE, at('device.colour'), 'blue'),
    path: 'device.colour',
    rule: 'unknownKey',
  },
  {
    name: 'device missing',
    cls: DeviceEventRequest,
    body: edit(DEVICE, ['device'], REMOVE),
    path: 'device',
    rule: 'required',
  },
  {
    name: 'object as a device field value',
    cls: DeviceEventRequest,
    body: edit(DEVICE, at('device.fields.energy.value'), { keV: 39 }),
    path: 'device.fields.energy.value',
    rule: 'isFieldValue',
  },
];

const CREATE = EXAMPLE_CREATE_SCAN;
const createCases: MalformedCase[] = [
  {
    name: 'unknown technique',
    cls: CreateScanRequest,
    body: edit(CREATE, ['technique'], 'MRI'),
    path: 'technique',
    rule: 'isIn',
  },
  {
    name: 'startTime without a zone',
    cls: CreateScanRequest,
    body: edit(CREATE, ['startTime'], '2024-04-25T16:00:00'),
    path: 'startTime',
    rule: 'isZonedDateTime',
  },
  {
    name: 'startTime without a time',
    cls: CreateScanRequest,
    body: edit(CREATE, ['startTime'], '2024-04-25'),
    path: 'startTime',
    rule: 'isZonedDateTime',
  },
  {
    name: 'beamline with "/"',
    cls: CreateScanRequest,
    body: edit(CREATE, ['beamline'], 'MOG/NO'),
    path: 'beamline',
    rule: 'matches',
  },
  {
    name: 'empty proposal',
    cls: CreateScanRequest,
    body: edit(CREATE, ['proposal'], ''),
    path: 'proposal',
    rule: 'matches',
  },
  {
    name: 'title of 501 characters',
    cls: CreateScanRequest,
    body: edit(CREATE, ['title'], 't'.repeat(501)),
    path: 'title',
    rule: 'maxLength',
  },
  {
    name: 'null title',
    cls: CreateScanRequest,
    body: edit(CREATE, ['title'], null),
    path: 'title',
    rule: 'isString',
  },
  {
    name: 'scanId starting with "-"',
    cls: CreateScanRequest,
    body: edit(CREATE, ['scanId'], '-scan'),
    path: 'scanId',
    rule: 'matches',
  },
  {
    name: 'unknown key in create-scan',
    cls: CreateScanRequest,
    body: edit(CREATE, ['owner'], 'me'),
    path: 'owner',
    rule: 'unknownKey',
  },
];

const DONE = EXAMPLE_EXPERIMENT_DONE;
const doneCases: MalformedCase[] = [
  {
    name: 'experiment-done without filepath',
    cls: ExperimentDone,
    body: edit(DONE, ['filepath'], REMOVE),
    path: 'filepath',
    rule: 'required',
  },
  {
    name: 'unknown key in experiment-done',
    cls: ExperimentDone,
    body: edit(DONE, ['status'], 'ok'),
    path: 'status',
    rule: 'unknownKey',
  },
];

export const MALFORMED_CASES: readonly MalformedCase[] = [
  ...entryCases,
  ...nonObjectCases,
  ...deviceCases,
  ...createCases,
  ...doneCases,
];
