/**
 * One write of uploaded data, in a process of its own so that its peak
 * resident memory is the writer's alone: the frames of `stack.bin` (raw
 * uint16, C order) as one spooled [n, y, x] dataset, written with
 * writeNexusFile as the worker writes it. Prints what it measured as JSON.
 * Usage: node write-spooled.js STACK FRAMES Y X OUT COMPRESSION
 */
import { performance } from 'node:perf_hooks';
import { dataset, group, parseCompression, writeNexusFile } from '#libs/nexus/src/index.js';
import { hdf5Runtime } from '#libs/nexus/src/hdf5-runtime.js';

const [stack = '', frames = '0', y = '0', x = '0', out = '', choice = 'none'] =
  process.argv.slice(2);
const compression = parseCompression(choice);
if ('problem' in compression) throw new Error(compression.problem);

const root = group('NXroot', [
  [
    'entry',
    group('NXentry', [
      [
        'data',
        dataset({
          dtype: 'spooled',
          element: 'uint16',
          itemSize: 2,
          shape: [Number(frames), Number(y), Number(x)],
          parts: [stack],
          source: 'stream bench',
          compression: compression,
        }),
      ],
    ]),
  ],
]);
// A worker's writer thread has its runtime loaded before its first file.
const runtime = await hdf5Runtime();
const started = performance.now();
const written = await writeNexusFile(root, out, {
  storage: { compression: { name: 'none' }, chunkAboveBytes: 1 },
});
const wallMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    wallMs,
    writeMs: written.phasesMs.write,
    fsyncMs: written.phasesMs.fsync,
    size: written.size,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    wasmHeapMiB: runtime.heapBytes() / 2 ** 20,
  })}\n`,
);
