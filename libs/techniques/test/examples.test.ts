/**
 * The Assonant examples of test/fixtures/assonant get their technique entries,
 * and the report names exactly what they lack.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGroup, nodeAt, scalarText, type NxNode } from '#libs/nexus/src/index.js';
import { entryEvent, loadEntry, stagedScan } from '#libs/testing/src/staged-fixtures.js';
import { buildWithTechnique } from './support/technique-fixture.js';

function linkTarget(node: NxNode | undefined): string | undefined {
  return node?.kind === 'softlink' ? node.target : undefined;
}

describe('Assonant examples as technique entries', () => {
  it('MOGNO tomography → NXtomo, lacking nothing the template can fill', async () => {
    const staged = stagedScan([
      entryEvent('start', await loadEntry('mogno-tomography-start.json')),
      entryEvent('during', await loadEntry('mogno-tomography-during.json')),
    ]);
    const { root, result } = buildWithTechnique(staged);
    assert.equal(result.definition, 'NXtomo');
    // end_time is optional in NXtomo; the frames are an external link, reported
    // by validation when the detector's file cannot be reached.
    assert.deepEqual(
      result.missing.map((m) => `${m.requirement} ${m.path}: ${m.send}`),
      [],
    );
    assert.equal(
      linkTarget(nodeAt(root, '/entry/sample/rotation_angle')),
      '/sample_acquisition_during/sample/transformations/rotation_angle/value',
    );
    const data = nodeAt(root, '/entry/instrument/detector/data');
    assert.deepEqual(data, {
      kind: 'externallink',
      file: '/ibira/lnls/beamlines/mogno/proposals/20240123/data/rock_core_A3/projections.h5',
      path: '/entry/data/data',
    });
    const imageKey = nodeAt(root, '/entry/instrument/detector/image_key');
    assert.ok(imageKey?.kind === 'dataset' && imageKey.value.dtype === 'int64');
    assert.deepEqual(Array.from(imageKey.value.data), [0n, 0n, 0n, 0n, 0n, 0n]);
  });

  it('MANACA MX → NXmx, listing what the start snapshot lacks', async () => {
    const staged = stagedScan([entryEvent('start', await loadEntry('manaca-mx-start.json'))], {
      beamline: 'MANACA',
      technique: 'MX',
      startTime: undefined,
    });
    const { root, result } = buildWithTechnique(staged);
    assert.equal(result.definition, 'NXmx');
    assert.deepEqual(
      result.missing.map((m) => m.path),
      [
        'start_time',
        'end_time_estimated',
        'instrument/detector/data',
        'instrument/detector/module/data_size',
        'source/name',
        'data/data',
      ],
    );
    // The wavelength the Beam sent is linked, not recomputed from its energy.
    assert.equal(
      linkTarget(nodeAt(root, '/entry/instrument/beam/incident_wavelength')),
      '/sample_acquisition_start/instrument/beam/incident_wavelength',
    );
    // Six goniometer axes without depends_on: no chain, so "." and a warning.
    const dependsOn = nodeAt(root, '/entry/sample/depends_on');
    assert.ok(dependsOn?.kind === 'dataset');
    assert.equal(scalarText(dependsOn.value), '.');
    assert.ok(result.warnings.some((w) => w.startsWith('sample/depends_on:')));
    assert.ok(isGroup(nodeAt(root, '/entry/instrument/detector/module')));
  });
});
