/** Fixtures parsed the way the worker parses staged events, and StagedScan builders. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJsonPreservingIntegers } from '#libs/staging/src/parse-staged.js';
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { AcquisitionMoment, ExperimentStage } from '#libs/model/src/naming.js';
import type { ScanMetadata, StagedEvent, StagedScan } from '#libs/staging/src/staged-scan.js';
import { TEST_SOURCE } from './source-dir.js';

/** The Assonant example payloads shared by every test of the project. */
const ASSONANT_FIXTURES = join(TEST_SOURCE, '..', '..', '..', 'test', 'fixtures', 'assonant');

/** Integer literals → bigint, every other number → number, as the worker parses staged text. */
export const parseAssonantJson = parseJsonPreservingIntegers;

export async function loadFixture<T>(name: string): Promise<T> {
  return parseAssonantJson(await readFile(join(ASSONANT_FIXTURES, name), 'utf8')) as T;
}

export const loadEntry = (name: string): Promise<EntryJson> => loadFixture<EntryJson>(name);
export const loadComponent = (name: string): Promise<ComponentJson> =>
  loadFixture<ComponentJson>(name);

export const SCAN: ScanMetadata = {
  scanId: 'scan-0001',
  beamline: 'MOGNO',
  proposal: '20240123',
  technique: 'CT',
  title: 'rock core A3',
  startTime: '2024-04-25T16:00:00-03:00',
  createdAt: '2024-04-25T18:59:00Z',
};

export const OPTIONS = {
  fileName: 'scan-0001.nxs',
  creator: 'assonant-gateway test',
  fileTime: '2024-04-25T19:00:00Z',
};

export function stagedScan(events: StagedEvent[], scan: Partial<ScanMetadata> = {}): StagedScan {
  return { scan: { ...SCAN, ...scan }, events };
}

export function entryEvent(eventId: string, entry: EntryJson): StagedEvent {
  return { kind: 'entry', eventId, entry };
}

export function deviceEvent(
  eventId: string,
  device: ComponentJson,
  extra: { stage?: ExperimentStage; moment?: AcquisitionMoment; timestamp?: string } = {},
): StagedEvent {
  return {
    kind: 'device',
    eventId,
    stage: extra.stage ?? 'sample_acquisition',
    moment: extra.moment ?? 'start',
    ...(extra.timestamp === undefined ? {} : { timestamp: extra.timestamp }),
    device,
  };
}
