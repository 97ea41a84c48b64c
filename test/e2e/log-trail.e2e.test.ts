/**
 * One logging setup for gateway and worker: the same fields on every line,
 * and the request id of the `close` call carried with the write job, so
 * that one grep for it finds the scan's lines in both processes, from the
 * HTTP request to its written file.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { fixtureText } from '../helpers/fixtures.js';
import { ScanClient } from '../helpers/scan-client.js';
import { ServeProcess } from '../helpers/serve-process.js';

type LogLine = Record<string, unknown>;

const FIELDS = ['level', 'time', 'service', 'pid', 'hostname', 'msg'];

describe('the log trail of a scan', () => {
  let serve: ServeProcess;

  before(async () => {
    serve = await ServeProcess.spawn({ LOG_LEVEL: 'info' });
    await serve.ready();
  });
  after(async () => serve.stop());

  it('follows the close request id from the gateway to the written file', async () => {
    const client = new ScanClient(serve.baseUrl);
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'trail', technique: 'CT' });
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    const requestId = `close-${randomUUID()}`;
    await request(serve.baseUrl)
      .post(`/v1/scans/${scanId}/close`)
      .set('X-Request-Id', requestId)
      .expect(202)
      .expect('x-request-id', requestId);
    await serve.waitFor(new RegExp(`"scan ${scanId} written"`));

    // What `grep <requestId>` over the service's output finds.
    const lines: LogLine[] = serve.output
      .split('\n')
      .filter((line) => line.includes(requestId))
      .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as LogLine);
    const gateway = lines.filter((line) => line.service === 'gateway');
    const worker = lines.filter((line) => line.service === 'worker');
    assert.ok(gateway.length >= 1, `the gateway logged the close: ${serve.output}`);
    assert.ok(
      worker.some((line) => line.msg === `scan ${scanId} written` && line.scanId === scanId),
      `the worker's line of the written file carries the close's request id: ${serve.output}`,
    );
    for (const line of lines) {
      for (const field of FIELDS) assert.ok(field in line, `${field} in ${JSON.stringify(line)}`);
      assert.equal(line.requestId, requestId);
      assert.match(String(line.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(['info', 'warn', 'error'].includes(String(line.level)));
    }
  });
});
