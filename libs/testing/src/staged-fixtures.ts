/** Fixtures parsed the way the worker parses staged events, and StagedScan builders. */
import type { ScanMetadata, StagedEvent, StagedScan } from '#libs/model/src/scan/index.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJsonPreservingIntegers } from '#libs/staging/src/parse-staged.js';
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { AcquisitionMoment, ExperimentStage } from '#libs/model/src/naming.js';
import { PROJECT_ROOT } from './source-dir.js';

/** The Assonant example payloads shared by every test of the project. */
const ASSONANT_FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'assonant');

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

/** The test scan with `scan`'s changes; a key given as undefined is left out. */
export function stagedScan(
  events: StagedEvent[],
  scan: { [K in keyof ScanMetadata]?: ScanMetadata[K] | undefined } = {},
): StagedScan {
  const merged: Record<string, unknown> = { ...SCAN, ...scan };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return { scan: merged as unknown as ScanMetadata, events };
}

/** `events[index]`, failing the test when there is none. */
export function eventAt(events: readonly StagedEvent[], index: number): StagedEvent {
  const event = events[index];
  if (event === undefined) throw new Error(`no event ${index} among ${events.length}`);
  return event;
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
