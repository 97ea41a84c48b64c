/**
 * Bad input over real HTTP: each body gets the right 4xx as problem+json that
 * names the offending field and rule. Never a 5xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { fixture } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';
import { ScanClient } from '../helpers/scan-client.js';

type Json = Record<string, unknown>;
type Route = 'scans' | 'entries' | 'devices';

interface Case {
  name: string;
  route: Route;
  body: string;
  contentType?: string;
  status: number;
  /** A violation at this JSON path must be listed. */
  path?: string;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function entry(mutate: (e: Json) => void): string {
  const body = clone(fixture('mogno-tomography-start'));
  mutate(body);
  return JSON.stringify(body);
}

function device(mutate: (d: Json) => void, envelope: Json = {}): string {
  const body: Json = {
    stage: 'sample_acquisition',
    moment: 'start',
    device: clone(fixture('device-snapshot-monochromator')),
    ...envelope,
  };
  mutate(body.device as Json);
  return JSON.stringify(body);
}

const at = (root: Json, ...keys: string[]): Json =>
  keys.reduce<Json>((node, key) => node[key] as Json, root);

const subs = (e: Json): Json => at(e, 'beamline', 'subcomponents');

const CASES: Case[] = [
  // Not JSON objects at all, or not JSON.
  { name: 'not JSON', route: 'devices', body: '{"stage": ', status: 400 },
  { name: 'empty body', route: 'devices', body: '', status: 400 },
  { name: 'JSON array body', route: 'devices', body: '[]', status: 422 },
  { name: 'JSON string body', route: 'entries', body: '"entry"', status: 422 },
  { name: 'JSON null body', route: 'scans', body: 'null', status: 422 },
  { name: 'text/plain', route: 'devices', body: 'stage=x', contentType: 'text/plain', status: 415 },
  {
    name: 'form-encoded',
    route: 'scans',
    body: 'a=b',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
  },
  {
    name: 'oversize body',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields', 'mode').value = 'x'.repeat(300_000);
    }),
    status: 413,
  },
  // Scan metadata.
  {
    name: 'scan: unknown technique',
    route: 'scans',
    body: '{"beamline":"MOGNO","proposal":"p1","technique":"TOMO"}',
    status: 422,
    path: 'technique',
  },
  {
    name: 'scan: beamline with a slash',
    route: 'scans',
    body: '{"beamline":"MOG/NO","proposal":"p1","technique":"CT"}',
    status: 422,
    path: 'beamline',
  },
  {
    name: 'scan: proposal path traversal',
    route: 'scans',
    body: '{"beamline":"MOGNO","proposal":"..","technique":"CT"}',
    status: 422,
    path: 'proposal',
  },
  {
    name: 'scan: startTime without zone',
    route: 'scans',
    body: '{"beamline":"MOGNO","proposal":"p1","technique":"CT","startTime":"2026-11-26T10:00:00"}',
    status: 422,
    path: 'startTime',
  },
  {
    name: 'scan: unknown key',
    route: 'scans',
    body: '{"beamline":"MOGNO","proposal":"p1","technique":"CT","operator":"x"}',
    status: 422,
    path: 'operator',
  },
  {
    name: 'scan: missing proposal',
    route: 'scans',
    body: '{"beamline":"MOGNO","technique":"CT"}',
    status: 422,
    path: 'proposal',
  },
  // Device events: the envelope.
  {
    name: 'device: unknown stage',
    route: 'devices',
    body: device(() => undefined, { stage: 'warmup' }),
    status: 422,
    path: 'stage',
  },
  {
    name: 'device: unknown moment',
    route: 'devices',
    body: device(() => undefined, { moment: 'later' }),
    status: 422,
    path: 'moment',
  },
  {
    name: 'device: timestamp without zone',
    route: 'devices',
    body: device(() => undefined, { timestamp: '2026-11-26 10:00' }),
    status: 422,
    path: 'timestamp',
  },
  {
    name: 'device: unknown envelope key',
    route: 'devices',
    body: device(() => undefined, { source: 'epics' }),
    status: 422,
    path: 'source',
  },
  {
    name: 'device: missing device',
    route: 'devices',
    body: '{"stage":"sample_acquisition","moment":"start"}',
    status: 422,
    path: 'device',
  },
  // Device events: the component.
  {
    name: 'device: unknown component key',
    route: 'devices',
    body: device((d) => {
      d.color = 'blue';
    }),
    status: 422,
    path: 'device.color',
  },
  {
    name: 'device: bad class',
    route: 'devices',
    body: device((d) => {
      d.class = 'Goniometer';
    }),
    status: 422,
    path: 'device.class',
  },
  {
    name: 'device: missing class',
    route: 'devices',
    body: device((d) => {
      delete d.class;
    }),
    status: 422,
    path: 'device.class',
  },
  {
    name: 'device: name with a slash',
    route: 'devices',
    body: device((d) => {
      d.name = 'mono/1';
    }),
    status: 422,
    path: 'device.name',
  },
  {
    name: 'device: object as a value',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields', 'energy').value = { kev: 39 };
    }),
    status: 422,
    path: 'device.fields.energy.value',
  },
  {
    name: 'device: unknown field key',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields', 'energy').precision = 3;
    }),
    status: 422,
    path: 'device.fields.energy.precision',
  },
  {
    name: 'device: unit not a string',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields', 'energy').unit = 7;
    }),
    status: 422,
    path: 'device.fields.energy.unit',
  },
  {
    name: 'device: object in extra_metadata',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields', 'energy').extra_metadata = { pv: { name: 'x' } };
    }),
    status: 422,
    path: 'device.fields.energy.extra_metadata.pv',
  },
  {
    name: 'device: field named ".."',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields')['..'] = { value: 1, unit: null, extra_metadata: {} };
    }),
    status: 422,
    path: 'device.fields...',
  },
  {
    name: 'device: empty field name',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields')[''] = { value: 1, unit: null, extra_metadata: {} };
    }),
    status: 422,
  },
  {
    name: 'device: control character in a name',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields')['a\u0001b'] = { value: 1, unit: null, extra_metadata: {} };
    }),
    status: 422,
  },
  {
    name: 'device: bad transformation type',
    route: 'devices',
    body: device((d) => {
      at(d, 'positions', 'bragg').transformation_type = 'twist';
    }),
    status: 422,
    path: 'device.positions.bragg.transformation_type',
  },
  {
    name: 'device: unknown axis key',
    route: 'devices',
    body: device((d) => {
      at(d, 'positions', 'bragg').speed = 1;
    }),
    status: 422,
    path: 'device.positions.bragg.speed',
  },
  {
    name: 'device: vector of two numbers',
    route: 'devices',
    body: device((d) => {
      at(d, 'positions', 'bragg').vector = [0, 1];
    }),
    status: 422,
    path: 'device.positions.bragg.vector',
  },
  {
    name: 'device: ragged array value',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields', 'energy').value = [[1, 2], [3]];
    }),
    status: 422,
    path: 'device.fields.energy.value',
  },
  {
    name: 'device: strings mixed with numbers',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields', 'energy').value = [1, 'two'];
    }),
    status: 422,
    path: 'device.fields.energy.value',
  },
  {
    name: 'device: time series length mismatch',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields').energy = {
        value: { value: [1, 2, 3], unit: 'keV', extra_metadata: {} },
        timestamps: { value: [1, 2], unit: 's', extra_metadata: {} },
      };
    }),
    status: 422,
    path: 'device.fields.energy',
  },
  {
    name: 'device: unknown time series key',
    route: 'devices',
    body: device((d) => {
      at(d, 'fields').energy = {
        value: { value: [1], unit: 'keV', extra_metadata: {} },
        timestamps: { value: [1], unit: 's', extra_metadata: {} },
        rate: 10,
      };
    }),
    status: 422,
    path: 'device.fields.energy.rate',
  },
  {
    name: 'device: subcomponent key differs from its name',
    route: 'devices',
    body: device((d) => {
      d.subcomponents = { crystal_1: { class: 'MonochromatorCrystal', name: 'crystal_2' } };
    }),
    status: 422,
    path: 'device.subcomponents.crystal_1.name',
  },
  {
    name: 'device: unknown subcomponent key',
    route: 'devices',
    body: device((d) => {
      d.subcomponents = {
        crystal_1: { class: 'MonochromatorCrystal', name: 'crystal_1', cut: 'Si111' },
      };
    }),
    status: 422,
    path: 'device.subcomponents.crystal_1.cut',
  },
  // Entries.
  {
    name: 'entry: unknown top-level key',
    route: 'entries',
    body: entry((e) => {
      e.moment = 'start';
    }),
    status: 422,
    path: 'moment',
  },
  {
    name: 'entry: name not stage_moment',
    route: 'entries',
    body: entry((e) => {
      e.name = 'sample_acquisition_later';
    }),
    status: 422,
    path: 'name',
  },
  {
    name: 'entry: missing beamline',
    route: 'entries',
    body: entry((e) => {
      delete e.beamline;
    }),
    status: 422,
    path: 'beamline',
  },
  {
    name: 'entry: unknown beamline key',
    route: 'entries',
    body: entry((e) => {
      at(e, 'beamline').site = 'Sirius';
    }),
    status: 422,
    path: 'beamline.site',
  },
  {
    name: 'entry: bad class deep down',
    route: 'entries',
    body: entry((e) => {
      at(subs(e), 'monochromator', 'subcomponents', 'crystal_1').class = 'Crystal';
    }),
    status: 422,
    path: 'beamline.subcomponents.monochromator.subcomponents.crystal_1.class',
  },
  {
    name: 'entry: unknown key in an entry field',
    route: 'entries',
    body: entry((e) => {
      at(e, 'fields', 'proposal_id').note = 'x';
    }),
    status: 422,
    path: 'fields.proposal_id.note',
  },
  {
    name: 'entry: axis value is a number, not a DataField',
    route: 'entries',
    body: entry((e) => {
      at(subs(e), 'sample', 'positions', 'x').value = 0.1;
    }),
    status: 422,
    path: 'beamline.subcomponents.sample.positions.x.value',
  },
];

describe('malformed bodies are refused with a 4xx problem+json naming the field', () => {
  let harness: Harness;
  let scanId: string;

  before(async () => {
    harness = await startHarness({ worker: false, env: { BODY_LIMIT_BYTES: String(256 * 1024) } });
    scanId = await new ScanClient(harness.baseUrl).open({
      beamline: 'MOGNO',
      proposal: 'malformed',
      technique: 'CT',
    });
  });
  after(async () => harness.close());

  it(`has a table of at least 40 cases (${CASES.length})`, () => {
    assert.ok(CASES.length >= 40);
  });

  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const url =
        testCase.route === 'scans' ? '/v1/scans' : `/v1/scans/${scanId}/${testCase.route}`;
      const response = await request(harness.baseUrl)
        .post(url)
        .set('content-type', testCase.contentType ?? 'application/json')
        .send(testCase.body);
      const problem = assertProblem(response, testCase.status);
      if (testCase.status === 422) {
        assert.ok(problem.violations !== undefined && problem.violations.length > 0);
        for (const violation of problem.violations) {
          assert.ok(violation.rule.length > 0 && violation.message.length > 0);
        }
      }
      if (testCase.path !== undefined) {
        const paths = (problem.violations ?? []).map((v) => v.path);
        assert.ok(
          paths.includes(testCase.path),
          `expected ${testCase.path} among ${paths.join(', ')}`,
        );
      }
    });
  }

  it('stored none of them', async () => {
    const status = await new ScanClient(harness.baseUrl).status(scanId);
    assert.deepEqual(status.counts, { entries: 0, devices: 0 });
  });
});
