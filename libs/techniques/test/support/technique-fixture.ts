/**
 * The technique payloads of test/fixtures/techniques: loaded as the worker would
 * stage them, with their detector files created first (as the detector would
 * have written them) in the test's directory.
 */
import type { StagedEvent, StagedScan } from '#libs/model/src/scan/index.js';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { AcquisitionMoment, ExperimentStage, Technique } from '#libs/model/src/naming.js';
import { buildScanTree, writeNexusFile, type NxGroupNode } from '#libs/nexus/src/index.js';
import { OPTIONS, parseAssonantJson } from '#libs/testing/src/staged-fixtures.js';
import {
  addTechniqueEntry,
  type BeamlineOverrides,
  type TechniqueEntryResult,
} from '../../src/index.js';

export const TECHNIQUE_FIXTURES = fileURLToPath(
  new URL('../../../../../test/fixtures/techniques/', import.meta.url),
);

export const BEAMLINES_DIR = fileURLToPath(
  new URL('../../../../../config/beamlines/', import.meta.url),
);

export interface DeviceBody {
  stage: ExperimentStage;
  moment: AcquisitionMoment;
  timestamp?: string;
  eventId?: string;
  device: ComponentJson;
}

export interface DetectorFile {
  path: string;
  dataset: string;
  dtype: string;
  shape: number[];
}

export interface TechniqueFixture {
  scan: {
    beamline: string;
    proposal: string;
    technique: Technique;
    title?: string;
    startTime?: string;
  };
  entries: EntryJson[];
  devices: DeviceBody[];
  detectorFiles: DetectorFile[];
}

/** The fixture with `${DETECTOR_DIR}` replaced by `detectorDir`. */
export async function loadTechniqueFixture(
  name: string,
  detectorDir: string,
): Promise<TechniqueFixture> {
  const text = await readFile(join(TECHNIQUE_FIXTURES, `${name}.json`), 'utf8');
  return parseAssonantJson(text.replaceAll('${DETECTOR_DIR}', detectorDir)) as TechniqueFixture;
}

export function stagedFromFixture(fixture: TechniqueFixture, scanId = 'scan-0001'): StagedScan {
  const events: StagedEvent[] = [
    ...fixture.entries.map((entry, i): StagedEvent => ({
      kind: 'entry',
      eventId: `entry-${i}`,
      entry,
    })),
    ...fixture.devices.map((body, i): StagedEvent => ({
      kind: 'device',
      eventId: body.eventId ?? `device-${i}`,
      stage: body.stage,
      moment: body.moment,
      ...(body.timestamp === undefined ? {} : { timestamp: body.timestamp }),
      device: body.device,
    })),
  ];
  return { scan: { ...fixture.scan, scanId, createdAt: '2025-11-26T12:00:00Z' }, events };
}

const WRITE_DETECTOR_FILE = `
import sys, h5py, numpy as np
path, name, dtype, shape = sys.argv[1], sys.argv[2], sys.argv[3], [int(n) for n in sys.argv[4:]]
with h5py.File(path, "w") as f:
    f.create_dataset(name, data=(np.arange(int(np.prod(shape))) % 4096).astype(dtype).reshape(shape))
`;

/** Writes each detector file the fixture names, as a detector would have. */
export async function writeDetectorFiles(fixture: TechniqueFixture): Promise<void> {
  await writeDetectorFileList(fixture.detectorFiles);
}

/** Writes these detector files with h5py, as an area detector's own writer would. */
export async function writeDetectorFileList(files: readonly DetectorFile[]): Promise<void> {
  for (const file of files) {
    await promisify(execFile)('/usr/bin/python3', [
      '-c',
      WRITE_DETECTOR_FILE,
      file.path,
      file.dataset,
      file.dtype,
      ...file.shape.map(String),
    ]);
  }
}

/** The scan's tree with its technique entry, as the worker builds it. */
export function buildWithTechnique(
  staged: StagedScan,
  overrides?: BeamlineOverrides,
): { root: NxGroupNode; result: TechniqueEntryResult } {
  const { root } = buildScanTree(staged, OPTIONS);
  const result = addTechniqueEntry(root, staged, overrides === undefined ? {} : { overrides });
  if (result === undefined) throw new Error(`no template for ${staged.scan.technique}`);
  return { root, result };
}

/** Writes a tree where the suite keeps its files for the referee (see tempDir). */
export async function writeKept(root: NxGroupNode, name: string): Promise<string> {
  const file = join((await tempDir('techniques-')).dir, `${name}.nxs`);
  await writeNexusFile(root, file);
  return file;
}
