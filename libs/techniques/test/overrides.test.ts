/** A beamline override maps a differently named camera without code. */
import type { StagedScan } from '#libs/model/src/scan/index.js';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ComponentJson } from '#libs/model/src/assonant-json.js';
import { nodeAt } from '#libs/nexus/src/index.js';
import { BeamlineOverridesError, loadBeamlineOverrides } from '../src/index.js';
import {
  BEAMLINES_DIR,
  buildWithTechnique,
  loadTechniqueFixture,
  stagedFromFixture,
} from './support/technique-fixture.js';

/** The CT scan with its camera called `pco` and a beam viewer, also a Detector, next to it. */
async function pcoScan(): Promise<StagedScan> {
  const staged = stagedFromFixture(await loadTechniqueFixture('ct', '/data'));
  const rename = (component: ComponentJson): void => {
    const subs = component.subcomponents ?? {};
    const camera = subs.camera;
    if (camera !== undefined) {
      delete subs.camera;
      subs.pco = { ...camera, name: 'pco' };
      subs.beam_viewer = {
        class: 'Detector',
        name: 'beam_viewer',
        fields: { gain: { value: 2n, unit: null } },
      };
    }
  };
  for (const event of staged.events) {
    if (event.kind === 'entry') rename(event.entry.beamline as ComponentJson);
  }
  return staged;
}

describe('beamline overrides', () => {
  it('without the override, a camera named pco is not recognised', async () => {
    const { result } = buildWithTechnique(await pcoScan());
    assert.ok(result.missing.some((m) => m.path === 'instrument/detector/data'));
  });

  it('config/beamlines/MOGNO.json maps the detector named pco', async () => {
    const overrides = await loadBeamlineOverrides(BEAMLINES_DIR, 'MOGNO');
    assert.equal(overrides?.components?.detector, 'pco');
    const { root, result } = buildWithTechnique(await pcoScan(), overrides);
    assert.deepEqual(result.missing, []);
    assert.deepEqual(nodeAt(root, '/entry/instrument/detector/data'), {
      kind: 'externallink',
      file: '/data/tomo_0001.h5',
      path: '/entry/data/data',
    });
  });

  it('the MOGNO override leaves a scan whose camera is called camera as it was', async () => {
    const overrides = await loadBeamlineOverrides(BEAMLINES_DIR, 'MOGNO');
    const staged = stagedFromFixture(await loadTechniqueFixture('ct', '/data'));
    assert.deepEqual(buildWithTechnique(staged, overrides).result.missing, []);
  });

  it('a beamline without a file has no overrides; a bad file is an error naming it', async () => {
    assert.equal(await loadBeamlineOverrides(BEAMLINES_DIR, 'SABIA'), undefined);
    assert.equal(await loadBeamlineOverrides(BEAMLINES_DIR, '../MOGNO'), undefined);
    const dir = await mkdtemp(join(tmpdir(), 'overrides-'));
    try {
      await writeFile(
        join(dir, 'EMA.json'),
        JSON.stringify({ beamline: 'EMA', components: { detector: 3 } }),
      );
      await assert.rejects(loadBeamlineOverrides(dir, 'EMA'), BeamlineOverridesError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
