/**
 * The gateway under the V8 CPU profiler, for `BENCH_PROFILE=1 npm run
 * bench:ingest`. Asked by the message 'stop-profile' (a signal would be taken
 * by the gateway's own shutdown), it writes the profile (open it in Chrome's
 * DevTools), prints where the time went, by part of the stack, and answers
 * 'profile-written'.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { summarizeProfile, type CpuProfile } from './profile-summary.js';

const [output] = process.argv.slice(2);
if (output === undefined) throw new Error('usage: profiled-gateway OUTPUT.cpuprofile');

const session = new Session();
session.connect();
await session.post('Profiler.enable');
// 100 µs: fine enough for a request of a few hundred µs, cheap enough not to distort it.
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
await import('../../apps/gateway/src/main.js');

process.on('message', (message) => {
  if (message !== 'stop-profile') return;
  void (async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    await writeFile(output, JSON.stringify(profile));
    process.stdout.write(`${summarizeProfile(profile)}\nprofile: ${output}\n`);
    process.send?.('profile-written');
  })();
});
