/** An accepted event as the staging store keeps it and the NeXus writer reads it. */
import type { ComponentJson, EntryJson } from '../assonant-json.js';
import { entryName, type AcquisitionMoment, type ExperimentStage } from '../naming.js';
import type { ScanMetadata } from './scan-metadata.js';

interface StagedEventBase {
  /** The client's eventId, or a digest of the event's content when it gave none. */
  eventId: string;
}

export interface StagedEntryEvent extends StagedEventBase {
  kind: 'entry';
  entry: EntryJson;
}

export interface StagedDeviceEvent extends StagedEventBase {
  kind: 'device';
  stage: ExperimentStage;
  moment: AcquisitionMoment;
  /** ISO 8601 with time zone, as sent by the client. */
  timestamp?: string;
  device: ComponentJson;
}

export type StagedEvent = StagedEntryEvent | StagedDeviceEvent;

/** The entry an event goes to, as sent: an Entry's name, or a device event's `<stage>_<moment>`. */
export function stagedEntryName(event: StagedEvent): string {
  return event.kind === 'entry' ? event.entry.name : entryName(event.stage, event.moment);
}

/** A scan's metadata and every accepted event: what its file is made from. */
export interface StagedScan {
  scan: ScanMetadata;
  /** In no particular order: consumers must not depend on arrival order. */
  events: StagedEvent[];
}
