/**
 * Beamline schemas over HTTP, against real Redis: Assonant's metadata.csv
 * uploaded as it is (or as JSON rows) becomes a numbered version, served back
 * as CSV or JSON; a malformed one is a 422 naming line and column and leaves
 * the current version in force; scopes decide who uploads and who reads; a
 * scan pins the version current when it opens.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { EXAMPLE_MOGNO_SCHEMA_CSV } from '#libs/beamline-schema/src/index.js';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { newApiKey } from '../../apps/gateway/src/auth/api-keys.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { assertProblem } from '../helpers/problem.js';

const MOGNO_CSV = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/schemas/mogno-metadata.csv'));
const HEADER =
  'Name,Subcomponent of,Class,Field Name,Unit of Measurement,Data Type,Acquisition Type,PV Name,NeXus Class,NeXus Field Name,Transformation Type';

interface VersionBody {
  beamline: string;
  version: number;
  sha256: string;
  createdBy: string;
  format: string;
  rows: number;
}

describe('beamline schemas', () => {
  let harness: Harness;
  const keys: Record<string, string> = {};
  const scopes: Record<string, string[]> = {
    'schema-owner': ['beamline:MOGNO:schema'],
    'mogno-writer': ['beamline:MOGNO:write'],
    'manaca-writer': ['beamline:MANACA:write'],
    reader: ['read'],
    admin: ['admin'],
  };
  // Each run uses beamlines of its own, so versions start at 1 on a shared Redis.
  const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
  const beamline = (name: string): string => `${name}${suffix}`;

  before(async () => {
    scopes['schema-owner'] = [`beamline:${beamline('MOGNO')}:schema`];
    scopes['mogno-writer'] = [`beamline:${beamline('MOGNO')}:write`];
    const stored = Object.entries(scopes).map(([id, granted]) => {
      const made = newApiKey(id);
      keys[id] = made.key;
      return { id, sha256: made.sha256, scopes: granted };
    });
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'assonant-keys-')), 'keys.json');
    await writeFile(file, JSON.stringify(stored));
    harness = await startHarness({ worker: false, env: { API_KEYS_FILE: file } });
  });
  after(async () => harness.close());

  const as = (who: string): { authorization: string } => ({
    authorization: `Bearer ${keys[who] ?? ''}`,
  });
  const putCsv = (name: string, body: string | Buffer, who = 'admin'): request.Test =>
    request(harness.baseUrl)
      .put(`/v1/beamlines/${name}/schema`)
      .set(as(who))
      .set('content-type', 'text/csv')
      .send(body);

  it('keeps the fixture and the Swagger example the same bytes', () => {
    assert.equal(MOGNO_CSV.toString('utf8'), EXAMPLE_MOGNO_SCHEMA_CSV);
  });

  it('stores each upload as a new version and serves it back as JSON and as CSV', async () => {
    const name = beamline('MOGNO');
    const first = await putCsv(name, MOGNO_CSV, 'schema-owner').expect(201);
    const v1 = first.body as VersionBody;
    assert.equal(v1.version, 1);
    assert.equal(v1.beamline, name);
    assert.equal(v1.createdBy, 'schema-owner');
    assert.equal(v1.format, 'csv');
    assert.equal(v1.rows, MOGNO_CSV.toString().trim().split('\n').length - 2);
    assert.match(v1.sha256, /^[0-9a-f]{64}$/);
    assert.equal(first.headers.location, `/v1/beamlines/${name}/schema?version=1`);

    const json = await request(harness.baseUrl)
      .get(`/v1/beamlines/${name.toLowerCase()}/schema`)
      .set(as('mogno-writer'))
      .expect(200);
    const body = json.body as {
      version: VersionBody;
      rows: Record<string, string>[];
      versions: VersionBody[];
    };
    assert.equal(body.version.version, 1);
    assert.equal(body.rows.length, v1.rows);
    assert.equal(body.rows[1]?.Class, 'Storage Ring');

    // The same rows back as JSON: the same content, so the same digest, as version 2.
    const second = await request(harness.baseUrl)
      .put(`/v1/beamlines/${name}/schema`)
      .set(as('schema-owner'))
      .send(body.rows)
      .expect(201);
    const v2 = second.body as VersionBody;
    assert.equal(v2.version, 2);
    assert.equal(v2.format, 'json');
    assert.equal(v2.sha256, v1.sha256);

    const listed = await request(harness.baseUrl)
      .get(`/v1/beamlines/${name}/schema`)
      .set(as('reader'))
      .expect(200);
    assert.deepEqual(
      (listed.body as { versions: VersionBody[] }).versions.map((v) => v.version),
      [1, 2],
    );

    const csv = await request(harness.baseUrl)
      .get(`/v1/beamlines/${name}/schema?version=1`)
      .set(as('reader'))
      .set('accept', 'text/csv')
      .expect(200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    // What is served back is a schema again, with the same rows.
    const again = await putCsv(name, csv.text).expect(201);
    assert.equal((again.body as VersionBody).sha256, v1.sha256);
  });

  it('refuses a malformed schema with the line and column, and keeps the current version', async () => {
    const name = beamline('KEEP');
    await putCsv(name, `t\n${HEADER}\nslit,,Slit,x_gap,mm,float,,,,,\n`).expect(201);
    const cases: { body: string | Buffer; path: RegExp }[] = [
      {
        body: `t\n${HEADER.replace(',Transformation Type', '')}\nslit,,Slit\n`,
        path: /^line 2, column Transformation Type$/,
      },
      { body: `t\n${HEADER}\nslit,,Slot,x,mm,,,,,,\n`, path: /^line 3, column Class$/ },
      { body: `t\n${HEADER}\ncam,,,model,,,,,,,\n`, path: /^line 3, column Class$/ },
      {
        body: `t\n${HEADER}\nc1,dcm,Monochromator Crystal,,,,,,,,\n`,
        path: /^line 3, column Subcomponent of$/,
      },
      {
        body: `t\n${HEADER}\na,b,Slit,,,,,,,,\nb,a,Slit,,,,,,,,\n`,
        path: /^line 3, column Subcomponent of$/,
      },
      {
        body: `t\n${HEADER}\na,,Slit,,,,,,,,\nA,,Sample,,,,,,,,\n`,
        path: /^line 4, column Class$/,
      },
      {
        body: `t\n${HEADER}\ns,,Sample,x,mm,,,,,,shift\n`,
        path: /^line 3, column Transformation Type$/,
      },
      {
        body: Buffer.concat([
          Buffer.from(`t\n${HEADER}\ns,,Sample,t,`),
          Buffer.from([0xb0, 0x43]),
          Buffer.from(',,,,,,\n'),
        ]),
        path: /^line 3, column Unit of Measurement$/,
      },
      { body: '', path: /^file$/ },
    ];
    for (const { body, path: where } of cases) {
      const problem = assertProblem(await putCsv(name, body), 422);
      assert.match(problem.type, /invalid-schema$/);
      assert.match(problem.violations?.[0]?.path ?? '', where, JSON.stringify(problem));
      assert.match(problem.detail, /current version stays in force/);
    }
    const rows = assertProblem(
      await request(harness.baseUrl)
        .put(`/v1/beamlines/${name}/schema`)
        .set(as('admin'))
        .send([{ Name: 'slit', Class: 'Slit', Colour: 'red' }]),
      422,
    );
    assert.equal(rows.violations?.[0]?.path, '[0].Colour');

    const current = await request(harness.baseUrl)
      .get(`/v1/beamlines/${name}/schema`)
      .set(as('admin'))
      .expect(200);
    assert.equal((current.body as { version: VersionBody }).version.version, 1);
  });

  it('answers 413 for a 50 MB file and 415 for a body that is neither CSV nor JSON', async () => {
    const name = beamline('BIG');
    const big = Buffer.alloc(50 * 1024 * 1024, 'a,');
    const tooLarge = assertProblem(await putCsv(name, big), 413);
    assert.match(tooLarge.detail, /SCHEMA_LIMIT_BYTES/);
    const notCsv = assertProblem(
      await request(harness.baseUrl)
        .put(`/v1/beamlines/${name}/schema`)
        .set(as('admin'))
        .set('content-type', 'text/plain')
        .send('Name,Class'),
      415,
    );
    assert.match(notCsv.detail, /text\/csv/);
    // CSV is taken by the schema route only.
    assertProblem(
      await request(harness.baseUrl)
        .post('/v1/scans')
        .set(as('admin'))
        .set('content-type', 'text/csv')
        .send('a,b'),
      415,
    );
    assertProblem(
      await request(harness.baseUrl).get(`/v1/beamlines/${name}/schema`).set(as('admin')),
      404,
    );
  });

  it('lets the schema scope and admin upload; write keys and readers only read', async () => {
    const name = beamline('MOGNO');
    assertProblem(await putCsv(name, MOGNO_CSV, 'mogno-writer'), 403);
    assertProblem(await putCsv(name, MOGNO_CSV, 'reader'), 403);
    assertProblem(await putCsv(beamline('OTHER'), MOGNO_CSV, 'schema-owner'), 403);
    await request(harness.baseUrl)
      .get(`/v1/beamlines/${name}/schema`)
      .set(as('manaca-writer'))
      .expect(403);
    assertProblem(
      await request(harness.baseUrl).put(`/v1/beamlines/${name}/schema`).send(MOGNO_CSV),
      401,
    );
  });

  it('pins the current version on a scan when it opens, and keeps it after a new upload', async () => {
    const name = beamline('PIN');
    const noSchema = await request(harness.baseUrl)
      .post('/v1/scans')
      .set(as('admin'))
      .send({ beamline: name, proposal: 'p1', technique: 'CT' })
      .expect(201);
    assert.equal((noSchema.body as { schema?: unknown }).schema, undefined);

    const v1 = (await putCsv(name, MOGNO_CSV).expect(201)).body as VersionBody;
    const opened = await request(harness.baseUrl)
      .post('/v1/scans')
      .set(as('admin'))
      .send({ beamline: name, proposal: 'p1', technique: 'CT' })
      .expect(201);
    const scanId = (opened.body as { scanId: string }).scanId;
    assert.deepEqual((opened.body as { schema: unknown }).schema, {
      version: 1,
      sha256: v1.sha256,
    });
    await putCsv(name, `t\n${HEADER}\nslit,,Slit,x_gap,mm,float,,,,,\n`).expect(201);
    const status = await request(harness.baseUrl)
      .get(`/v1/scans/${scanId}`)
      .set(as('admin'))
      .expect(200);
    assert.deepEqual((status.body as { schema: unknown }).schema, {
      version: 1,
      sha256: v1.sha256,
    });
  });
});
