/**
 * Each technique payload → a file whose `entry` follows its application
 * definition, read back with h5py: definition, links that resolve, NXdata
 * attributes and the @default chain.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, it } from 'node:test';
import { writeNexusFile } from '#libs/nexus/src/index.js';
import { at, attr, readWithH5py, tempDir, type H5Listing } from '#libs/testing/src/h5py.js';
import {
  buildWithTechnique,
  loadTechniqueFixture,
  stagedFromFixture,
  writeDetectorFiles,
} from './support/technique-fixture.js';

const CASES = [
  { fixture: 'ct', definition: 'NXtomo', signal: 'data', axes: ['rotation_angle', '.', '.'] },
  { fixture: 'mx', definition: 'NXmx', signal: 'data', axes: undefined },
  { fixture: 'saxs', definition: 'NXsas', signal: 'data', axes: undefined },
  { fixture: 'xas', definition: 'NXxas', signal: 'absorbed_beam', axes: ['energy'] },
  { fixture: 'xrf', definition: 'NXfluo', signal: 'data', axes: ['energy'] },
  { fixture: 'arpes', definition: 'NXarpes', signal: 'data', axes: ['angles', 'energies'] },
  { fixture: 'stxm', definition: 'NXstxm', signal: 'data', axes: ['sample_y', 'sample_x'] },
] as const;

describe('technique payloads', () => {
  for (const { fixture, definition, signal, axes } of CASES) {
    it(`${fixture}: writes a complete ${definition} entry`, async () => {
      const temp = await tempDir();
      try {
        const payload = await loadTechniqueFixture(fixture, temp.dir);
        await writeDetectorFiles(payload);
        const { root, result } = buildWithTechnique(stagedFromFixture(payload));
        assert.deepEqual(result.missing, []);
        assert.deepEqual(result.warnings, []);
        const file = join(temp.dir, `${fixture}.nxs`);
        await writeNexusFile(root, file);
        const listing = await readWithH5py(file);

        assert.equal(result.entryName, 'entry');
        assert.deepEqual(at(listing, '/entry/definition').value, [definition]);
        assert.deepEqual(attr(listing, '/', 'default').value, ['entry']);
        assert.deepEqual(attr(listing, '/entry', 'default').value, ['data']);
        assert.deepEqual(attr(listing, '/entry/data', 'NX_class').value, ['NXdata']);
        assert.deepEqual(attr(listing, '/entry/data', 'signal').value, [signal]);
        if (axes !== undefined) assert.deepEqual(attr(listing, '/entry/data', 'axes').value, axes);
        for (const axis of axes ?? []) {
          if (axis !== '.') assert.ok(at(listing, '/entry/data').attrs?.[`${axis}_indices`]);
        }
        await assertLinksResolve(listing, temp.dir);
      } finally {
        await temp.cleanup();
      }
    });
  }
});

/** Every soft link of the technique entry names an object of the file; every external link a real dataset. */
async function assertLinksResolve(listing: H5Listing, dir: string): Promise<void> {
  const links = Object.entries(listing).filter(([path]) => path.startsWith('/entry/'));
  assert.ok(
    links.some(([, o]) => o.kind === 'softlink'),
    'the entry links to the raw entries',
  );
  for (const [path, object] of links) {
    if (object.kind === 'softlink') {
      assert.ok(
        object.target !== undefined && listing[object.target] !== undefined,
        `${path} → ${object.target}`,
      );
      assert.notEqual(listing[object.target]?.kind, 'softlink', `${path} links to a link`);
    }
    if (object.kind === 'externallink') {
      assert.ok(
        object.file !== undefined && isAbsolute(object.file) && object.file.startsWith(dir),
      );
      assert.ok(existsSync(object.file), `${path}: ${object.file} exists`);
      const external = await readWithH5py(object.file);
      assert.equal(
        at(external, object.path ?? '').kind,
        'dataset',
        `${path} → ${object.file}:${object.path}`,
      );
    }
  }
}
