/**
 * The technique payloads of test/fixtures/techniques, as an HTTP client sends
 * them: a scan's metadata, its entries and device events, and the detector
 * files it refers to, which the test writes before posting.
 * `${DETECTOR_DIR}` in the payload names where they are.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  writeDetectorFileList,
  type DetectorFile,
} from '#libs/techniques/test/support/technique-fixture.js';
import type { ScanClient } from './scan-client.js';

const DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/fixtures/techniques',
);

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

/** Writes each detector file the fixture names. */
export async function writeDetectorFiles(fixture: TechniqueFixture): Promise<void> {
  await writeDetectorFileList(fixture.detectorFiles ?? []);
}

/** Opens a scan with the fixture's metadata, posts its events over HTTP and closes it. */
export async function postFixture(client: ScanClient, fixture: TechniqueFixture): Promise<string> {
  const scanId = await client.open(fixture.scan);
  for (const entry of fixture.entries) await client.entry(scanId, JSON.stringify(entry));
  for (const device of fixture.devices) await client.device(scanId, JSON.stringify(device));
  await client.close(scanId);
  return scanId;
}
