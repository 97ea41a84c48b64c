/**
 * `npm start`'s supervisor (scripts/serve.ts) with its embedded Redis: a
 * gateway or worker that crashes (SIGKILL) is restarted, logged, while Redis
 * and the other apps keep running and keep their state; SIGTERM then stops
 * everything and exits 0; an app stopped by its configuration is not retried.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deviceEventText } from '../helpers/fixtures.js';
import { ScanClient } from '../helpers/scan-client.js';
import { ServeProcess } from '../helpers/serve-process.js';

describe('the npm start supervisor', () => {
  let serve: ServeProcess;
  let client: ScanClient;

  before(async () => {
    serve = await ServeProcess.spawn();
    await serve.ready();
    client = new ScanClient(serve.baseUrl);
  });
  after(async () => serve.stop());

  it(
    'restarts a killed gateway and a killed worker; Redis keeps the scan',
    { timeout: 90_000 },
    async () => {
      const scanId = await client.open({ beamline: 'MOGNO', proposal: 'sup', technique: 'CT' });
      await client.device(
        scanId,
        deviceEventText({ stage: 'sample_acquisition', moment: 'start' }),
      );

      process.kill(await serve.pidOf('gateway', 1), 'SIGKILL');
      await serve.waitFor(/gateway exited \(SIGKILL\); restarting it in/);
      const second = await serve.pidOf('gateway', 2);
      await serve.ready(2);
      assert.equal((await client.status(scanId)).counts.devices, 1);

      process.kill(await serve.pidOf('worker 1', 1), 'SIGKILL');
      await serve.waitFor(/worker 1 exited \(SIGKILL\); restarting it in/);
      await serve.pidOf('worker 1', 2);
      await client.device(scanId, deviceEventText({ stage: 'sample_acquisition', moment: 'end' }));
      await client.close(scanId);
      const written = await client.waitWritten(scanId, 60_000);
      assert.equal(written.counts.devices, 2);

      // One Redis all along; the restarted gateway is still up.
      assert.equal((await serve.waitFor(/Embedded redis-server on/)).length, 1);
      process.kill(second, 0);
    },
  );

  it('stops everything on SIGTERM and exits 0', { timeout: 60_000 }, async () => {
    const gateway = await serve.pidOf('gateway', 2);
    serve.child.kill('SIGTERM');
    assert.equal(await serve.exited(), 0, serve.output);
    assert.throws(() => process.kill(gateway, 0), /ESRCH/);
  });
});

describe('the npm start supervisor, on a configuration error', () => {
  it(
    'does not restart an app whose configuration is wrong, and stops',
    { timeout: 60_000 },
    async () => {
      // A public HOST without keys: the gateway refuses to start (EX_CONFIG).
      const serve = await ServeProcess.spawn({ HOST: '0.0.0.0' });
      assert.equal(await serve.exited(), 1, serve.output);
      assert.match(serve.output, /ALLOW_ANONYMOUS=true/);
      assert.match(
        serve.output,
        /gateway exited \(code 78\): its configuration is wrong; not restarting it/,
      );
      assert.doesNotMatch(serve.output, /restarting it in/);
    },
  );
});
