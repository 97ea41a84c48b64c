/**
 * The gateway's own HTTP bodies (not part of Assonant) as plain JSON shapes.
 * The validating classes `CreateScanRequest` and `DeviceEventRequest` implement them.
 */
import type { ComponentJson, FieldValue } from './assonant-json.js';
import type { AcquisitionMoment, ExperimentStage, Technique } from './naming.js';

export interface CreateScanRequestJson {
  beamline: string;
  proposal: string;
  technique: Technique;
  title?: string;
  /** Chosen by the client to make opening idempotent; the gateway picks one when absent. */
  scanId?: string;
  /** ISO 8601 date-time with a time zone. */
  startTime?: string;
}

export interface DeviceEventRequestJson {
  stage: ExperimentStage;
  moment: AcquisitionMoment;
  /** ISO 8601 date-time with a time zone: when the device was read. */
  timestamp?: string;
  /** Makes the event idempotent: the same id twice is stored once. */
  eventId?: string;
  device: ComponentJson;
}

/** How a run ended, as Bluesky's stop document says it: sent as the body of close. */
export const EXIT_STATUSES = ['success', 'abort', 'fail'] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];

export interface RunEndJson {
  exitStatus: ExitStatus;
  /** Why, in the words of the software that ran it. */
  reason?: string;
}

/** A PV's reading: a value, or (in a `during` moment) samples with their epoch-second times. */
export type PvReadingJson = FieldValue | { value: FieldValue[]; timestamps: number[] };

export interface PvSnapshotRequestJson {
  stage: ExperimentStage;
  moment: AcquisitionMoment;
  /** ISO 8601 date-time with a time zone: when the PVs were read. */
  timestamp?: string;
  eventId?: string;
  /** PV name → reading; each PV is placed where the scan's beamline schema says. */
  values: Record<string, PvReadingJson>;
}
