/** What a scan's file would hold and lack if it were written now (`GET /v1/scans/{scanId}/report`). */
import type { CompletenessReport } from './completeness.js';
import type { ScanStatus } from './scan-metadata.js';
import type { ScanValidation } from './validation-report.js';

export interface ScanReport {
  scanId: string;
  status: ScanStatus;
  /**
   * true: built now from the events staged so far, as the worker builds the
   * file, and validated, without writing the scan's file. false: the scan is
   * written, and this is what its file holds.
   */
  dryRun: boolean;
  counts: { entries: number; devices: number };
  /** What the writer noticed and would still write. */
  warnings: string[];
  validation: ScanValidation;
  completeness?: CompletenessReport;
}
