/**
 * The probe of the catalog benchmark: PINGs Redis one after another from a
 * process of its own (so the queries' parsing in the benchmark's process
 * cannot delay it) until told to stop, then sends back each round trip, ms.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';

const [redisUrl] = process.argv.slice(2);
if (redisUrl === undefined || process.send === undefined) {
  throw new Error('usage: forked with an IPC channel, pinger REDIS_URL');
}
const send = process.send.bind(process);
const redis = new Redis(redisUrl, { enableAutoPipelining: false });
await redis.ping();
let stopped = false;
process.once('message', () => (stopped = true));
send('ready');
const samples: number[] = [];
while (!stopped) {
  const start = performance.now();
  await redis.ping();
  samples.push(performance.now() - start);
}
redis.disconnect();
send({ samples }, () => process.exit(0));
