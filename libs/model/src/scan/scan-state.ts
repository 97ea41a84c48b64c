/** What the gateway reports about a scan, and what the worker records into it. */
import type { ScanMetadata, ScanStatus } from './scan-metadata.js';
import type { ExperimentDoneJson } from '../assonant-json.js';
import type { RunEndJson } from '../request-json.js';
import type { CompletenessReport } from './completeness.js';
import type { ScanValidation } from './validation-report.js';

export interface WrittenFile {
  /** Absolute path on the data file system. */
  path: string;
  size: number;
  sha256: string;
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
  /** Assonant's ExperimentDone the scan was closed with, if it was. */
  experimentDone?: ExperimentDoneJson;
  /** How the run ended, when the close said so (e.g. a Bluesky run that was aborted). */
  runEnd?: RunEndJson;
  /** With a beamline schema: what it says to collect at each stage and moment, and what arrived. */
  completeness?: CompletenessReport;
  /** ISO 8601: when an open scan was expired (status `expired`). */
  expiredAt?: string;
  /** Why the scan was expired. */
  reason?: string;
}
