/** What the gateway reports about a scan, and what the worker records into it. */
import type { ScanMetadata, ScanStatus } from './staged-scan.js';

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
}

export type StageOutcome = 'stored' | 'duplicate' | 'conflict' | 'closed' | 'unknown';
export type CloseOutcome = ScanStatus | 'unknown';

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
