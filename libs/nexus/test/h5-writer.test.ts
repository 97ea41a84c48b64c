import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  dataset,
  externalLink,
  float64,
  group,
  int64,
  softLink,
  text,
  writeNexusFile,
  type NxGroupNode,
} from '../src/index.js';
import { at, readWithH5py, tempDir } from '#libs/testing/src/h5py.js';

function smallTree(value = 1.5): NxGroupNode {
  return group('NXroot', [
    [
      'entry',
      group('NXentry', [
        ['x', dataset(float64(value), [['units', text('mm')]])],
        ['n', dataset(int64([1n, 2n, 3n, 4n, 5n, 6n], [2, 3]))],
        ['alias', softLink('/entry/x')],
        ['raw', externalLink('detector.h5', '/entry/data/data')],
      ]),
    ],
  ]);
}

async function withTemp(body: (dir: string) => Promise<void>): Promise<void> {
  const temp = await tempDir();
  try {
    await body(temp.dir);
  } finally {
    await temp.cleanup();
  }
}

const leftovers = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

describe('writeNexusFile', () => {
  it('creates the directory, writes the tree and reports size and sha256 of the file', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'MOGNO', '20240123', 'scan.nxs');
      const written = await writeNexusFile(smallTree(), path);
      const bytes = await readFile(path);
      assert.equal(written.size, bytes.length);
      assert.equal(written.size, (await stat(path)).size);
      assert.equal(written.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.deepEqual(await leftovers(join(dir, 'MOGNO', '20240123')), []);

      const file = await readWithH5py(path);
      assert.deepEqual(at(file, '/entry/x').value, [1.5]);
      assert.deepEqual(at(file, '/entry/n').shape, [2, 3]);
      assert.deepEqual(at(file, '/entry/alias'), { kind: 'softlink', target: '/entry/x' });
      assert.deepEqual(at(file, '/entry/raw'), {
        kind: 'externallink',
        file: 'detector.h5',
        path: '/entry/data/data',
      });
    }));

  it('replaces an existing file with the new content', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'scan.nxs');
      await writeNexusFile(smallTree(1.5), path);
      await writeNexusFile(smallTree(2.5), path);
      assert.deepEqual(at(await readWithH5py(path), '/entry/x').value, [2.5]);
      assert.deepEqual(await leftovers(dir), []);
    }));

  it('removes what a writer killed mid-write left of the same file, and only that', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'scan.nxs');
      await writeFile(join(dir, '.scan.nxs.a1b2c3d4e5f6.tmp'), 'half a file');
      await writeFile(join(dir, '.other.nxs.a1b2c3d4e5f6.tmp'), 'another scan in progress');
      await writeNexusFile(smallTree(1.5), path);
      assert.deepEqual((await readdir(dir)).sort(), ['.other.nxs.a1b2c3d4e5f6.tmp', 'scan.nxs']);
    }));

  it('fails on an HDF5 error, naming the object, and leaves nothing behind', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'scan.nxs');
      const bad = group('NXroot', [['entry', group('NXentry', [['alias', softLink('')]])]]);
      await assert.rejects(writeNexusFile(bad, path), (error: Error) => {
        assert.match(
          error.message,
          /^cannot write NeXus file .*scan\.nxs: \/entry\/alias: H5Lcreate_soft\(\): /,
        );
        assert.ok(error.cause instanceof Error);
        assert.ok(!error.message.includes('\n'), 'the message is one line');
        return true;
      });
      assert.deepEqual(await readdir(dir), []);

      // h5wasm stays usable after an HDF5 error.
      await writeNexusFile(smallTree(), path);
      assert.deepEqual(at(await readWithH5py(path), '/entry/x').value, [1.5]);
    }));

  it('refuses names HDF5 would fail on half way, before HDF5 sees them', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'scan.nxs');
      const unnamedAttr = group('NXroot', [['entry', group('NXentry')]]);
      (unnamedAttr.children.get('entry') as NxGroupNode).attrs.set('', text('no name'));
      await assert.rejects(
        writeNexusFile(unnamedAttr, path),
        /: \/entry@: an attribute needs a name$/,
      );
      const dot = group('NXroot', [['entry', group('NXentry', [['.', dataset(float64(1))]])]]);
      await assert.rejects(writeNexusFile(dot, path), /: \/entry\/\.: "\." is not a name$/);
      assert.deepEqual(await readdir(dir), []);
    }));

  it('keeps the previous file intact when a write fails half way', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'scan.nxs');
      await writeNexusFile(smallTree(), path);
      const before = await readFile(path);
      const broken = smallTree();
      const entry = broken.children.get('entry') as NxGroupNode;
      entry.children.set('z', dataset({ dtype: 'float64', shape: [3], data: new Float64Array(2) }));
      await assert.rejects(writeNexusFile(broken, path), /\/entry\/z: shape \[3\] does not hold 2/);
      assert.deepEqual(await readFile(path), before);
      assert.deepEqual(await leftovers(dir), []);
    }));

  it('removes the temporary file when the final rename fails', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'scan.nxs');
      await mkdir(path);
      await writeFile(join(path, 'keep'), 'x');
      await assert.rejects(writeNexusFile(smallTree(), path), /cannot write NeXus file/);
      assert.deepEqual(await leftovers(dir), []);
      assert.deepEqual(await readdir(path), ['keep']);
    }));

  it('refuses a name that HDF5 would take for a path', () =>
    withTemp(async (dir) => {
      const path = join(dir, 'scan.nxs');
      const tree = group('NXroot', [['a/b', group('NXentry')]]);
      await assert.rejects(writeNexusFile(tree, path), /\/a\/b: "\/" in a name/);
      assert.deepEqual(await readdir(dir), []);
    }));
});
