/**
 * A whole scan through the TypeScript client: open, one Assonant entry,
 * close, wait for the file. `node dist/clients/typescript/examples/send-a-scan.js URL`
 * from the clone after `npm start` has built it.
 */
import { readFile } from 'node:fs/promises';
import { Gateway, GatewayProblem, type Entry } from '../src/index.js';

const gateway = new Gateway({ url: process.argv[2] ?? 'http://127.0.0.1:3000' });
const entry = JSON.parse(
  await readFile('test/fixtures/assonant/mogno-tomography-start.json', 'utf8'),
) as Entry;

const scan = await gateway.openScan({
  beamline: 'MOGNO',
  proposal: '20240123',
  technique: 'CT',
  scanId: 'mogno-0004',
});
await gateway.sendEntry(scan.scanId, entry);
await gateway.close(scan.scanId);
const written = await gateway.waitWritten(scan.scanId);
console.log(scan.scanId, written.status, written.validation?.definition);

try {
  await gateway.status('no-such-scan');
} catch (error) {
  if (!(error instanceof GatewayProblem)) throw error;
  console.log(error.status, error.title);
}
