/** A scan as the gateway opens it, and the statuses it goes through. */
import type { Technique } from '../naming.js';

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
  /** The beamline schema version current when the scan opened, which its events are read with. */
  schema?: SchemaPin;
}

/** Which upload of a beamline schema a scan reads its events with. */
export interface SchemaPin {
  version: number;
  sha256: string;
}
