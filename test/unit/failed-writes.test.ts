/**
 * A failed write leaves nothing open behind it: 200 writes that fail in
 * every way the writer knows (HDF5 refusing an object, names HDF5 would fail
 * on half way, a value that does not fit its shape, a directory that cannot
 * be made), in one h5wasm, then a good write; and the same through one warm
 * writer thread of the worker's pool.
 */
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  dataset,
  float64,
  group,
  softLink,
  text,
  writeNexusFile,
  type NxGroupNode,
  type NxNode,
} from '#libs/nexus/src/index.js';
import { hdf5Runtime } from '#libs/nexus/src/hdf5-runtime.js';
import { openHdf5Files } from '#libs/nexus/src/hdf5-streams.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { WritePool } from '../../apps/worker/src/write-pool.js';
import type { WriteRequest } from '../../apps/worker/src/write-request.js';
import { fixtureText } from '../helpers/fixtures.js';

const FAILURES = 200;

/** This process's open descriptors, by what they point to. */
function descriptors(): string[] {
  return readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '(closed while listed)';
    }
  });
}

const entry = (children: [string, NxNode][]): NxGroupNode =>
  group('NXroot', [['entry', group('NXentry', children)]]);

/** Trees that fail, each its own way; the first two reach HDF5, which refuses them. */
function failingTree(i: number): NxGroupNode {
  switch (i % 4) {
    case 0:
      return entry([['alias', softLink('')]]);
    case 1: {
      const tree = entry([['x', dataset(float64(1))]]);
      (tree.children.get('entry') as NxGroupNode).attrs.set('', text('no name'));
      return tree;
    }
    case 2:
      return entry([['.', dataset(float64(1))]]);
    default:
      return entry([['z', dataset({ dtype: 'float64', shape: [3], data: new Float64Array(2) })]]);
  }
}

describe('failed writes in one h5wasm', () => {
  it(`leave no file, descriptor or HDF5 file open after ${FAILURES} failures`, async () => {
    const temp = await tempDir('failed-writes-');
    try {
      const runtime = await hdf5Runtime();
      await writeNexusFile(entry([['x', dataset(float64(1))]]), path.join(temp.dir, 'first.nxs'));
      const fds = descriptors().length;
      const heap = runtime.heapBytes();
      for (let i = 0; i < FAILURES; i += 1) {
        await assert.rejects(writeNexusFile(failingTree(i), path.join(temp.dir, 'bad.nxs')));
      }
      assert.deepEqual(openHdf5Files(runtime), []);
      assert.deepEqual(
        descriptors().filter((target) => target.includes('(deleted)')),
        [],
        'no removed file is still open',
      );
      assert.equal(descriptors().length, fds);
      // A file HDF5 keeps open holds a quarter MiB of its memory; none is kept.
      assert.ok(
        runtime.heapBytes() - heap < 1024 * 1024,
        `WebAssembly memory grew from ${heap} to ${runtime.heapBytes()} bytes`,
      );
      const good = await writeNexusFile(
        entry([['x', dataset(float64(2.5))]]),
        path.join(temp.dir, 'good.nxs'),
      );
      assert.equal(good.size, (await readFile(path.join(temp.dir, 'good.nxs'))).length);
    } finally {
      await temp.cleanup();
    }
  });
});

describe('failed writes in one warm writer thread', () => {
  let pool: WritePool;
  let dataRoot: string;
  let cleanup: () => Promise<void>;

  before(async () => {
    const temp = await tempDir('failed-requests-');
    dataRoot = temp.dir;
    cleanup = temp.cleanup;
    pool = new WritePool({ threads: 1, threadMemoryMb: 512, log: () => undefined });
  });
  after(async () => {
    await pool.close();
    await cleanup();
  });

  const request = (scanId: string, finalPath: string, entryText: string): WriteRequest => ({
    scan: {
      scanId,
      beamline: 'MOGNO',
      proposal: 'p1',
      technique: 'CT',
      createdAt: '2024-04-25T19:00:00Z',
    },
    entries: [['e1', entryText]],
    devices: [],
    finalPath,
    linkRoot: dataRoot,
    creator: 'test',
    fileTime: '2024-04-25T19:00:00Z',
    beamlineOverridesDir: path.join(dataRoot, 'no-overrides'),
  });

  it(`serve a good file after ${FAILURES} failures, in the same thread`, async () => {
    const blocker = path.join(dataRoot, 'not-a-directory');
    await writeFile(blocker, 'a file where a directory should be');
    const start = fixtureText('mogno-tomography-start');
    const first = await pool.threadState();
    for (let i = 0; i < FAILURES; i += 1) {
      const outcome =
        i % 2 === 0
          ? await pool.write(request(`s${i}`, path.join(blocker, `s${i}.nxs`), start))
          : await pool.write(request(`s${i}`, path.join(dataRoot, `s${i}.nxs`), '{"name": '));
      assert.equal(outcome.ok, false);
      if (!outcome.ok) assert.equal(outcome.kind, i % 2 === 0 ? 'io' : 'invalid-data');
    }
    const good = await pool.write(request('good', path.join(dataRoot, 'good.nxs'), start));
    assert.equal(good.ok, true, good.ok ? '' : good.message);
    const last = await pool.threadState();
    assert.equal(last.threadId, first.threadId, 'one thread served them all');
    assert.deepEqual(last.openFiles, []);
    assert.equal(last.heapBytes, first.heapBytes);
  });
});
