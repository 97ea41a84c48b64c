/** What the store's operations answer, and how the catalog is filtered and paged. */
import type { ScanState, ScanStatus } from '#libs/model/src/scan/index.js';

export type StageOutcome =
  | 'stored'
  | 'duplicate'
  | 'conflict'
  | 'closed'
  | 'unknown'
  /** The global budget (STAGING_LIMIT_BYTES) is used up. */
  | 'full'
  /** The scan's beamline has used up its budget (STAGING_LIMIT_PER_BEAMLINE_BYTES). */
  | 'beamline-full';
export type CloseOutcome = ScanStatus | 'unknown';
/** `retried`: the failed scan is closing again; otherwise the status it has, or unknown. */
export type RetryOutcome = 'retried' | ScanStatus | 'unknown';
/** `closing`: refused, the scan is being written. */
export type DeleteOutcome = 'deleted' | 'closing' | 'unknown';

/** The staging budgets, bytes of event text not yet written. */
export interface StagingLimits {
  total: number;
  perBeamline: number;
}

export interface CatalogFilter {
  beamline?: string;
  proposal?: string;
  technique?: string;
  status?: ScanStatus;
  /** ISO 8601: only scans created at or after. */
  createdFrom?: string;
  /** ISO 8601: only scans created before. */
  createdTo?: string;
}

export interface CatalogPage {
  items: ScanState[];
  /** Pass as `cursor` to read the next page; absent on the last page. */
  nextCursor?: string;
}
