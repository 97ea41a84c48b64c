import {
  SCAN_STATUSES,
  type CompletenessReport,
  type ScanMetadata,
  type ScanState,
  type ScanStatus,
  type ScanValidation,
  type WrittenFile,
} from '#libs/model/src/scan/index.js';
import type { ExperimentDoneJson } from '#libs/model/src/assonant-json.js';
import type { RunEndJson } from '#libs/model/src/request-json.js';
/** Conversion between a scan's Redis hash and its typed state. */

export function parseScanHash(hash: Record<string, string>): ScanState | undefined {
  if (hash.meta === undefined) return undefined;
  const meta = JSON.parse(hash.meta) as ScanMetadata;
  const status = hash.status as ScanStatus;
  if (!SCAN_STATUSES.includes(status)) return undefined;
  const state: ScanState = {
    ...meta,
    status,
    counts: { entries: Number(hash.entries ?? 0), devices: Number(hash.devices ?? 0) },
    warnings: hash.warnings !== undefined ? (JSON.parse(hash.warnings) as string[]) : [],
  };
  if (hash.closedAt !== undefined) state.closedAt = hash.closedAt;
  if (hash.writtenAt !== undefined) state.writtenAt = hash.writtenAt;
  if (hash.file !== undefined) state.file = JSON.parse(hash.file) as WrittenFile;
  if (hash.error !== undefined) state.error = hash.error;
  if (hash.expiredAt !== undefined) state.expiredAt = hash.expiredAt;
  if (hash.reason !== undefined) state.reason = hash.reason;
  if (hash.validation !== undefined)
    state.validation = JSON.parse(hash.validation) as ScanValidation;
  if (hash.experimentDone !== undefined)
    state.experimentDone = JSON.parse(hash.experimentDone) as ExperimentDoneJson;
  if (hash.runEnd !== undefined) state.runEnd = JSON.parse(hash.runEnd) as RunEndJson;
  if (hash.completeness !== undefined)
    state.completeness = JSON.parse(hash.completeness) as CompletenessReport;
  return state;
}
