/**
 * The Python client under the gateway's refusals to wait: while the gateway
 * restarts in the middle of a stream of sends, its retries (same body, same
 * eventId) carry every event over the gap, and the scan ends with each event
 * exactly once; under a 429 storm (staging full until a file is written) it
 * backs off until the event is taken.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import {
  startRestartableGateway,
  type RestartableGateway,
} from '../helpers/restartable-gateway.js';

const EVENTS = 200;
const RESTART_AFTER = 50;

const SENDER = `
import json, sys
from assonant_gateway import Gateway, Retry
gateway = Gateway(sys.argv[1], retry=Retry(attempts=60, base=0.05, cap=0.5))
scan = gateway.open_scan("MOGNO", "restart", "CT")["scanId"]
retries = 0
for i in range(${EVENTS}):
    device = {"class": "Detector", "name": "camera", "fields": {"frame": {"value": i}}}
    gateway.send_device(scan, "sample_acquisition", "during", device, event_id=f"frame-{i}",
                        timestamp=f"2024-04-25T19:00:{i // 10:02d}.{i % 10}Z")
    retries += gateway.transport.last_retries
    print(f"sent {i}", flush=True)
print(json.dumps({"scan": scan, "retries": retries, "status": gateway.status(scan)}), flush=True)
`;

describe('the Python client across a gateway restart', () => {
  let gateway: RestartableGateway;

  before(async () => {
    gateway = await startRestartableGateway();
  });
  after(async () => gateway?.close());

  it('loses no event and doubles none', { timeout: 120_000 }, async () => {
    const child = spawn('/usr/bin/python3', ['-c', SENDER, gateway.url], {
      cwd: path.join(PROJECT_ROOT, 'clients/python'),
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let restarted: Promise<void> | undefined;
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (restarted === undefined && output.includes(`sent ${RESTART_AFTER}\n`)) {
        restarted = gateway.restart();
      }
    });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    await restarted;
    assert.equal(code, 0, output);
    assert.ok(restarted !== undefined, 'the gateway was restarted mid-stream');
    const last = output.trim().split('\n').pop() ?? '';
    const result = JSON.parse(last) as {
      retries: number;
      status: { counts: { devices: number } };
    };
    assert.ok(result.retries > 0, `the client retried over the restart: ${last}`);
    assert.equal(result.status.counts.devices, EVENTS, 'every event once');
  });
});

const STORM = `
import json, sys, threading
from pathlib import Path
from assonant_gateway import Gateway, Retry
url, fixture = sys.argv[1], Path(sys.argv[2]).read_text()
entry = json.loads(fixture)
gateway = Gateway(url, retry=Retry(attempts=80, base=0.05, cap=0.5))
first = gateway.open_scan("MOGNO", "storm", "CT")["scanId"]
gateway.send_entry(first, entry)
second = gateway.open_scan("MOGNO", "storm", "CT")["scanId"]
# Staging is full until the first scan's file is written: close it a moment from now.
threading.Timer(0.5, lambda: Gateway(url).close(first)).start()
gateway.send_entry(second, entry)
print(json.dumps({"retries": gateway.transport.last_retries, "status": gateway.status(second)}))
`;

describe('the Python client under a 429 storm', () => {
  let harness: Harness;

  before(async () => {
    // Room for one MOGNO start entry (3.7 KB as the client sends it), not two.
    harness = await startHarness({
      env: { STAGING_LIMIT_BYTES: '7000', STAGING_LIMIT_PER_BEAMLINE_BYTES: '7000' },
    });
  });
  after(async () => harness.close());

  it(
    'backs off until staging has room, then the event is taken once',
    { timeout: 60_000 },
    async () => {
      const fixture = path.join(PROJECT_ROOT, 'test/fixtures/assonant/mogno-tomography-start.json');
      const child = spawn('/usr/bin/python3', ['-c', STORM, harness.baseUrl, fixture], {
        cwd: path.join(PROJECT_ROOT, 'clients/python'),
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number>((resolve) =>
        child.on('close', (c) => resolve(c ?? 1)),
      );
      assert.equal(code, 0, output);
      const result = JSON.parse(output.trim().split('\n').pop() ?? '') as {
        retries: number;
        status: { counts: { entries: number } };
      };
      assert.ok(result.retries > 0, `429s were answered and retried: ${output}`);
      assert.equal(result.status.counts.entries, 1);
    },
  );
});
