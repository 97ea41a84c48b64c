/** The scan lifecycle, free of any transport: the gateway and any other producer use it as it is. */
export { ScanIngest, type ReceivedEvent } from './scan-ingest.js';
export type {
  CloseResult,
  OpenOutcome,
  PvStageResult,
  RetryResult,
  StageResult,
} from './outcomes.js';
export type { WriteJobs } from './write-jobs.js';
export { chooseEventId, type EventIdChoice } from './event-id.js';
export { metadataDifferences } from './scan-metadata-differences.js';
export * from './pinned-schemas.js';
