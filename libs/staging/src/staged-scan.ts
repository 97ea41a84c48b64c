/**
 * What the staging store keeps for a scan, and what the worker hands to the
 * NeXus writer: the scan's metadata and every accepted event.
 */
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { AcquisitionMoment, ExperimentStage, Technique } from '#libs/model/src/naming.js';

/**
 * `open` takes events; `closing` is being written; `written` and `failed`
 * are the write's outcomes; `expired` was open longer than OPEN_SCAN_MAX_AGE_S
 * and its events were dropped (OPEN_SCAN_EXPIRY=expire).
 */
export const SCAN_STATUSES = ['open', 'closing', 'written', 'failed', 'expired'] as const;
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
