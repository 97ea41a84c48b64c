/**
 * The technique payloads of test/fixtures/techniques: a scan's metadata, its
 * entries and device events, and the detector files it refers to, which the
 * test writes (with h5py, as an area detector's own writer would) before
 * posting. `${DETECTOR_DIR}` in the payload names where they are.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ScanClient } from './scan-client.js';

const DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/fixtures/techniques',
);

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
    technique: string;
    title?: string;
    startTime?: string;
  };
  entries: unknown[];
  devices: unknown[];
  detectorFiles?: DetectorFile[];
}

export const TECHNIQUE_FIXTURES: Record<string, string> = {
  CT: 'NXtomo',
  MX: 'NXmx',
  SAXS: 'NXsas',
  XAS: 'NXxas',
  XRF: 'NXfluo',
  ARPES: 'NXarpes',
  STXM: 'NXstxm',
};

/** The fixture for a technique, with `${DETECTOR_DIR}` replaced. */
export function techniqueFixture(technique: string, detectorDir: string): TechniqueFixture {
  const text = readFileSync(path.join(DIR, `${technique.toLowerCase()}.json`), 'utf8');
  return JSON.parse(text.replaceAll('${DETECTOR_DIR}', detectorDir)) as TechniqueFixture;
}

const WRITE_DETECTOR_FILE = `
import sys, h5py, numpy as np
path, dataset, dtype = sys.argv[1], sys.argv[2], sys.argv[3]
shape = tuple(int(n) for n in sys.argv[4].split(",") if n)
with h5py.File(path, "w") as f:
    data = (np.arange(int(np.prod(shape))) % 4096).reshape(shape).astype(dtype)
    f.create_dataset(dataset, data=data)
`;

/** Writes each detector file the fixture names, with h5py. */
export async function writeDetectorFiles(fixture: TechniqueFixture): Promise<void> {
  for (const file of fixture.detectorFiles ?? []) {
    await promisify(execFile)('/usr/bin/python3', [
      '-c',
      WRITE_DETECTOR_FILE,
      file.path,
      file.dataset,
      file.dtype,
      file.shape.join(','),
    ]);
  }
}

/** Opens a scan with the fixture's metadata, posts its events over HTTP and closes it. */
export async function postFixture(client: ScanClient, fixture: TechniqueFixture): Promise<string> {
  const scanId = await client.open(fixture.scan);
  for (const entry of fixture.entries) await client.entry(scanId, JSON.stringify(entry));
  for (const device of fixture.devices) await client.device(scanId, JSON.stringify(device));
  await client.close(scanId);
  return scanId;
}
