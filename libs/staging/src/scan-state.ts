/** What the gateway reports about a scan, and what the worker records into it. */
import type { ScanMetadata, ScanStatus } from './staged-scan.js';

export interface WrittenFile {
  /** Absolute path on the data file system. */
  path: string;
  size: number;
  sha256: string;
}

/** One finding of the validation of a written file against NeXus and its application definition. */
export interface ValidationFinding {
  severity: 'error' | 'warning';
  /** HDF5 path in the file. */
  path: string;
  /** The kind of finding, e.g. `missing`, `type`, `units`, `enumeration`. */
  code: string;
  message: string;
  /** The NXDL concept, e.g. `NXtomo:/NXentry/sample:NXsample/rotation_angle`. */
  nxdl: string | null;
  /** Where the rule comes from: `application`, `base_class` or `nexus_rule`. */
  origin: 'application' | 'base_class' | 'nexus_rule';
  /** What to send next time, in Assonant terms, when the template knows where the item comes from. */
  hint?: string;
}

export interface ScanValidation {
  /** The application definition of the technique entry; null when the technique has none. */
  definition: string | null;
  errors: number;
  warnings: number;
  findings: ValidationFinding[];
}

export interface ScanState extends ScanMetadata {
  status: ScanStatus;
  counts: { entries: number; devices: number };
  closedAt?: string;
  writtenAt?: string;
  file?: WrittenFile;
  /** Why the last write attempt failed; set while retrying and when failed. */
  error?: string;
  /** What the writer noticed but could still write (e.g. a value superseded by a later event). */
  warnings: string[];
  /** The written file checked against NeXus and the technique's application definition. */
  validation?: ScanValidation;
  /** ISO 8601: when an open scan was expired (status `expired`). */
  expiredAt?: string;
  /** Why the scan was expired. */
  reason?: string;
}

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
