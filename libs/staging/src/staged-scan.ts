/**
 * What the staging store keeps for a scan, and what the worker hands to the
 * NeXus writer: the scan's metadata and every accepted event.
 */
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { AcquisitionMoment, ExperimentStage, Technique } from '#libs/model/src/naming.js';

export const SCAN_STATUSES = ['open', 'closing', 'written', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export interface ScanMetadata {
  scanId: string;
  beamline: string;
  proposal: string;
  technique: Technique;
  title?: string;
  /** ISO 8601 with time zone. */
  startTime?: string;
  /** ISO 8601 with time zone: when the gateway opened the scan. */
  createdAt: string;
}

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

export interface StagedScan {
  scan: ScanMetadata;
  /** In no particular order: consumers must not depend on arrival order. */
  events: StagedEvent[];
}
