/**
 * Generators of malformed and adversarial request bodies: random JSON, and
 * valid bodies with one place replaced by something hostile (deep nesting,
 * prototype keys, huge arrays and strings, lone surrogates, path traversal,
 * non-JSON numbers, duplicate keys). Each yields the raw text to send.
 */
import fc from 'fast-check';

const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  '../../etc',
  '..',
  '.',
  'a/b',
  '/abs',
  '',
  'x\u0000y',
  'tab\there',
  '\ud800',
  'ok_name',
];

/**
 * A JSON text fragment that is a hostile value. The multi-megabyte ones are
 * rarer than the rest (weights), which keeps a 10,000-case run to seconds.
 */
const hostileValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '"\\ud800"',
      '"\\udfff x"',
      '"\\udbff\\udbff"',
      '"ok \\ud83d"',
      '{"\\udc00":1}',
      'null',
      'true',
    ),
  },
  {
    weight: 10,
    arbitrary: fc.integer({ min: 1, max: 5000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
  },
  {
    weight: 10,
    arbitrary: fc
      .integer({ min: 1, max: 3000 })
      .map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
  },
  // Around the parser's nesting bound (512), where off-by-one errors live.
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: 500, max: 530 })
      .map((d) => '{"a":['.repeat(d >> 1) + (d % 2 === 1 ? '{}' : '1') + ']}'.repeat(d >> 1)),
  },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((n) => `[${'1,'.repeat(n)}1]`) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 10 })
      .map((n) => JSON.stringify('x'.repeat(n * 1_000_000))),
  },
  {
    weight: 10,
    arbitrary: fc.constantFrom(...HOSTILE_NAMES).map((name) => JSON.stringify({ [name]: 1 })),
  },
  {
    weight: 10,
    arbitrary: fc
      .constantFrom(...HOSTILE_NAMES)
      .map((name) => `{"__proto__":{"polluted":${JSON.stringify(name)}}}`),
  },
  { weight: 10, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
);

/** Paths in a device event body where a hostile value or key may go. */
const DEVICE_PLACES = [
  'stage',
  'moment',
  'timestamp',
  'eventId',
  'device',
  'device.class',
  'device.name',
  'device.fields',
  'device.fields.energy',
  'device.fields.energy.value',
  'device.fields.energy.unit',
  'device.fields.energy.extra_metadata',
  'device.positions',
  'device.positions.bragg.value',
  'device.positions.bragg.vector',
  'device.subcomponents',
];

const SCAN_PLACES = ['beamline', 'proposal', 'technique', 'scanId', 'title', 'startTime'];

/** Replaces the value at a dotted path of `base` by the raw JSON `replacement`. */
function replaceAt(base: unknown, place: string, replacement: string): string {
  const marker = '"@@hostile-value@@"';
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = place.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] ?? ''] = JSON.parse(marker) as unknown;
  return JSON.stringify(copy).replace(marker, replacement);
}

/** A key of a map replaced by a hostile name. */
function hostileKey(base: unknown, mapPlace: string, name: string): string {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node = copy;
  for (const key of mapPlace.split('.')) node = node[key] as Record<string, unknown>;
  const [first] = Object.keys(node);
  const value = first === undefined ? { value: 1 } : node[first];
  const text = JSON.stringify(copy);
  // Written into the text so that "__proto__" arrives as an own key, as a client would send it.
  const key = JSON.stringify(name);
  return text.replace(`"${first ?? ''}":`, `${key}:${JSON.stringify(value)},"${first ?? ''}":`);
}

/** Objects of a device event where a key may be sent twice. */
const DUPLICATE_PLACES = [
  '',
  'device',
  'device.fields',
  'device.fields.energy',
  'device.positions',
];

/**
 * The first key of the object at `place` sent once more, with its own value
 * (readers differ even then: some keep the first, some the last, some throw)
 * or with another.
 */
function duplicateKey(base: unknown, place: string, value: string | undefined): string {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target = copy;
  for (const key of place.split('.').filter((k) => k !== '')) {
    target = target[key] as Record<string, unknown>;
  }
  const first = Object.keys(target)[0] ?? 'x';
  const again = `${JSON.stringify(first)}:${value ?? JSON.stringify(target[first] ?? 1)}`;
  // Added last, so it follows the first key in the text.
  target['@@duplicated@@'] = 0;
  return JSON.stringify(copy).replace('"@@duplicated@@":0', again);
}

export function hostileDeviceBody(validDevice: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...DUPLICATE_PLACES),
        fc.option(fc.constantFrom('1', '"other"', '9007199254740993', '{}', 'null'), {
          nil: undefined,
        }),
      )
      .map(([place, value]) => duplicateKey(validDevice, place, value)),
    fc
      .tuple(fc.constantFrom(...DEVICE_PLACES), hostileValue)
      .map(([place, value]) => replaceAt(validDevice, place, value)),
    fc
      .tuple(
        fc.constantFrom('device.fields', 'device.positions'),
        fc.constantFrom(...HOSTILE_NAMES),
      )
      .map(([place, name]) => hostileKey(validDevice, place, name)),
    fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
  );
}

export function hostileScanBody(validScan: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...SCAN_PLACES), hostileValue)
      .map(([place, value]) => replaceAt(validScan, place, value)),
    fc
      .tuple(fc.constantFrom('beamline', 'proposal', 'scanId'), fc.constantFrom(...HOSTILE_NAMES))
      .map(([place, name]) => replaceAt(validScan, place, JSON.stringify(name))),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  );
}
