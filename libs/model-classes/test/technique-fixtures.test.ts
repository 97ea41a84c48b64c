/** The technique payloads of test/fixtures/techniques are bodies the gateway accepts. */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { DeviceEventRequest } from '../src/classes/device-event-request.js';
import { Entry } from '../src/classes/entry.js';
import { validateBody } from '../src/validation/validate-body.js';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'techniques');

interface Payload {
  entries: unknown[];
  devices: unknown[];
}

describe('technique payloads', async () => {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.json'));
  it('finds the payloads', () => assert.ok(names.length >= 7, names.join(', ')));
  for (const name of names) {
    it(`${name}: every body is valid Assonant`, async () => {
      // As the gateway parses a body: plain JSON numbers.
      const payload = JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as Payload;
      assert.ok(payload.entries.length + payload.devices.length > 0);
      for (const entry of payload.entries) {
        const result = validateBody(Entry, entry);
        assert.ok(result.ok, JSON.stringify(result));
      }
      for (const device of payload.devices) {
        const result = validateBody(DeviceEventRequest, device);
        assert.ok(result.ok, JSON.stringify(result));
      }
    });
  }
});
