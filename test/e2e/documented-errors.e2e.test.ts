/**
 * Every error a route answers is in the spec: the test provokes the usual
 * mistakes (no key, a key for another beamline, a scan that does not exist, a
 * body of the wrong type, malformed or too large, a bad query, a closed scan,
 * a Redis that is gone) on every operation of the OpenAPI document and fails
 * on a status the operation does not document, or on an error that is not one
 * of the gateway's own problems.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { newApiKey } from '../../apps/gateway/src/auth/api-keys.js';
import { buildOpenApiDocument } from '../../apps/gateway/src/openapi/swagger-document.js';
import { deviceEventText, fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';

interface Operation {
  method: string;
  route: string;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  secured: boolean;
}

interface Attempt {
  name: string;
  // Undefined where a fixture (a key, a scan) is missing: the attempt then goes without it.
  key?: string | undefined;
  contentType?: string;
  body?: string;
  query?: string;
  scanId?: string | undefined;
}

const BODY_LIMIT = 256 * 1024;
const PROBLEM_SCHEMA = '#/components/schemas/Problem';
const HAS_BODY = new Set(['post', 'put', 'patch', 'delete']);

function operationsOf(document: ReturnType<typeof buildOpenApiDocument>): Operation[] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item as Record<string, Record<string, unknown>>).map(([method, op]) => ({
      method,
      route,
      responses: op.responses as Operation['responses'],
      secured: Array.isArray(op.security) && op.security.length > 0,
    })),
  );
}

describe('every error a route answers is documented', () => {
  let harness: Harness;
  let storeless: Harness;
  let operations: Operation[];
  const keys = { mogno: '', manaca: '', admin: '' };
  /** Opened afresh for each operation, since an operation may close or delete it. */
  let openScan = '';
  const closedScan = 'documented-closed';
  let opened = 0;

  async function open(scanId: string): Promise<void> {
    const response = await request(harness.baseUrl)
      .post('/v1/scans')
      .set('authorization', `Bearer ${keys.mogno}`)
      .send({ scanId, beamline: 'MOGNO', proposal: 'documented', technique: 'CT' });
    assert.equal(response.status, 201, JSON.stringify(response.body));
  }

  before(async () => {
    const stored = (
      [
        ['mogno', ['beamline:MOGNO:write']],
        ['manaca', ['beamline:MANACA:write']],
        ['admin', ['admin', 'read', 'beamline:MOGNO:write']],
      ] as const
    ).map(([id, scopes]) => {
      const made = newApiKey(id);
      keys[id] = made.key;
      return { id, sha256: made.sha256, scopes };
    });
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'assonant-keys-')), 'keys.json');
    await writeFile(file, JSON.stringify(stored));
    // No worker runs here: a report gives up (503, documented) at once.
    const env = {
      API_KEYS_FILE: file,
      BODY_LIMIT_BYTES: String(BODY_LIMIT),
      REPORT_TIMEOUT_MS: '200',
    };
    harness = await startHarness({ worker: false, env });
    storeless = await startHarness({
      worker: false,
      env: { ...env, REDIS_URL: 'redis://127.0.0.1:1', REDIS_COMMAND_TIMEOUT_MS: '200' },
    });
    operations = operationsOf(buildOpenApiDocument(harness.app));
    await open(closedScan);
    const closed = await request(harness.baseUrl)
      .post(`/v1/scans/${closedScan}/close`)
      .set('authorization', `Bearer ${keys.mogno}`);
    assert.equal(closed.status, 202);
  });
  after(async () => {
    await harness?.close();
    await storeless?.close();
  });

  function attemptsFor(operation: Operation): Attempt[] {
    const attempts: Attempt[] = [
      { name: 'no key' },
      { name: 'a key for another beamline', key: keys.manaca },
      { name: 'a writer key', key: keys.mogno },
      { name: 'a scan that does not exist', key: keys.admin, scanId: 'no-such-scan' },
      { name: 'a scan id that cannot be one', key: keys.admin, scanId: 'not%20an%20id' },
      { name: 'a closed scan', key: keys.admin, scanId: closedScan },
      { name: 'an unknown query parameter', key: keys.admin, query: 'bogus=1' },
      { name: 'query values out of range', key: keys.admin, query: 'limit=0&wait=99&definition=x' },
    ];
    if (!HAS_BODY.has(operation.method)) return attempts;
    const big = JSON.stringify({ filler: 'x'.repeat(BODY_LIMIT) });
    return [
      ...attempts,
      { name: 'a text body', key: keys.admin, contentType: 'text/plain', body: 'hello' },
      { name: 'malformed JSON', key: keys.admin, contentType: 'application/json', body: '{"a":' },
      {
        name: 'a key twice',
        key: keys.admin,
        contentType: 'application/json',
        body: '{"a":1,"a":2}',
      },
      { name: 'an empty JSON body', key: keys.admin, contentType: 'application/json', body: '' },
      { name: 'a body too large', key: keys.admin, contentType: 'application/json', body: big },
      { name: 'an empty object', key: keys.admin, contentType: 'application/json', body: '{}' },
      {
        name: 'a technique in lower case',
        key: keys.admin,
        contentType: 'application/json',
        body: JSON.stringify({ beamline: 'MOGNO', proposal: 'p', technique: 'ct' }),
      },
      ...[
        [openScan, keys.manaca],
        [openScan, keys.admin],
        [closedScan, keys.admin],
      ].flatMap(([scanId, key]) => [
        {
          name: `a device event for ${scanId}`,
          key,
          scanId,
          contentType: 'application/json',
          body: deviceEventText({ stage: 'sample_acquisition', moment: 'start' }),
        },
        {
          name: `an entry for ${scanId}`,
          key,
          scanId,
          contentType: 'application/json',
          body: fixtureText('mogno-tomography-start'),
        },
      ]),
    ];
  }

  async function attempt(
    base: string,
    operation: Operation,
    how: Attempt,
  ): Promise<request.Response> {
    const scanId = how.scanId ?? openScan;
    let url = operation.route
      .replace('{scanId}', scanId)
      .replace('{name}', 'NXnothing')
      .replace('{beamline}', 'MOGNO');
    if (how.query !== undefined) url += `?${how.query}`;
    let call = request(base)[operation.method as 'get'](url);
    if (how.key !== undefined) call = call.set('authorization', `Bearer ${how.key}`);
    if (how.contentType !== undefined) call = call.set('content-type', how.contentType);
    return how.body !== undefined ? call.send(how.body) : call;
  }

  function check(operation: Operation, how: string, response: request.Response): number {
    const where = `${operation.method.toUpperCase()} ${operation.route} with ${how}`;
    const documented = operation.responses[String(response.status)];
    assert.ok(documented !== undefined, `${where} answered ${response.status}, undocumented`);
    if (response.status < 400 || operation.route === '/health') return response.status;
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/, where);
    const problem = response.body as {
      type: string;
      title: string;
      status: number;
      detail: string;
    };
    assert.match(problem.type, /^urn:assonant-gateway:problem:[a-z-]+$/, where);
    assert.doesNotMatch(problem.type, /fst-err/, where);
    assert.notEqual(problem.title, 'Http', where);
    assert.equal(problem.status, response.status, where);
    assert.ok(problem.detail.length > 20, `${where}: detail "${problem.detail}"`);
    return response.status;
  }

  it('documents every error status with the one problem schema', () => {
    assert.ok(operations.length >= 13, `only ${operations.length} operations`);
    for (const operation of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || operation.route === '/health') continue;
        const where = `${operation.method.toUpperCase()} ${operation.route} ${status}`;
        assert.deepEqual(Object.keys(response.content ?? {}), ['application/problem+json'], where);
        assert.equal(response.content?.['application/problem+json']?.schema?.$ref, PROBLEM_SCHEMA);
      }
      assert.ok(operation.responses['500'] !== undefined, `${operation.route} documents no 500`);
      if (operation.secured) {
        assert.ok(operation.responses['401'] !== undefined, `${operation.route} documents no 401`);
      }
    }
  });

  it('answers only documented statuses to the usual mistakes', async () => {
    const seen = new Set<number>();
    for (const operation of operations) {
      openScan = `documented-${++opened}`;
      await open(openScan);
      for (const how of attemptsFor(operation)) {
        seen.add(check(operation, how.name, await attempt(harness.baseUrl, operation, how)));
      }
    }
    // The provocations reach every kind of refusal, so the check above is not vacuous.
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) {
      assert.ok(seen.has(status), `no provocation answered ${status}; seen ${[...seen].join(',')}`);
    }
  });

  it('answers only documented statuses while Redis is gone', async () => {
    const seen = new Set<number>();
    for (const operation of operations) {
      const how = { name: 'an admin key and no Redis', key: keys.admin };
      seen.add(check(operation, how.name, await attempt(storeless.baseUrl, operation, how)));
    }
    assert.ok(seen.has(503), `no operation answered 503; seen ${[...seen].join(',')}`);
  });
});
