/**
 * What each step of a scan's life answers. Outcomes, not errors: each
 * transport says them its own way (an HTTP status, a message-queue nack, a
 * line of a command's report).
 */
import type { WireProblem } from '#libs/beamline-schema/src/index.js';
import type { ScanState, ScanStatus } from '#libs/model/src/scan/index.js';

export type OpenOutcome =
  | { kind: 'created'; scan: ScanState }
  /** The same metadata again while the scan is open: a retried open is harmless. */
  | { kind: 'reopened'; scan: ScanState }
  /** The scanId is taken by a scan with other metadata; each difference is a sentence. */
  | { kind: 'metadata-differs'; scanId: string; differences: string[] }
  /** The same metadata, but the scan no longer takes events. */
  | { kind: 'not-open'; scanId: string; status: ScanStatus }
  /** Deleted by someone else while it was being opened. */
  | { kind: 'vanished'; scanId: string };

export type StageResult =
  | { kind: 'stored' | 'duplicate'; scanId: string; eventId: string; entry: string }
  /** The body's eventId and the Idempotency-Key disagree. */
  | { kind: 'id-mismatch'; bodyEventId: string; idempotencyKey: string }
  /** The eventId was accepted before with other content. */
  | { kind: 'conflict'; eventId: string }
  | { kind: 'closed' | 'unknown'; scanId: string }
  /** The global staging budget (STAGING_LIMIT_BYTES) is used up. */
  | { kind: 'full' }
  /** The scan's beamline has used up its budget (STAGING_LIMIT_PER_BEAMLINE_BYTES). */
  | { kind: 'beamline-full'; scanId: string }
  /** Values name arrays this scan has not got. */
  | { kind: 'unknown-arrays'; scanId: string; problems: ReferenceProblem[] };

/** A value naming uploaded data that is not there, and where in the body. */
export interface ReferenceProblem {
  path: string;
  message: string;
}

export type PvStageResult =
  | StageResult
  /** The scan pinned no beamline schema, so its PVs have no place. */
  | { kind: 'no-schema'; scanId: string; beamline: string }
  /** PVs the schema does not list, or readings that do not fit their moment. */
  | { kind: 'unplaceable'; problems: WireProblem[] };

export type CloseResult =
  | { kind: 'unknown'; scanId: string }
  /** The ExperimentDone it came with names another beamline. */
  | { kind: 'beamline-differs'; scanId: string; beamline: string; sent: string }
  /** The write is queued (or was already); `status` is the scan's after the close. */
  | { kind: 'accepted'; scanId: string; jobId: string; status: ScanStatus };

export type RetryResult =
  | { kind: 'unknown'; scanId: string }
  /** Only a failed scan can be retried. */
  | { kind: 'not-failed'; scanId: string; status: ScanStatus }
  | { kind: 'accepted'; scanId: string; jobId: string; status: 'closing' };
