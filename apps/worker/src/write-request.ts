import type { ScanMetadata, ScanValidation } from '#libs/model/src/scan/index.js';
/** What the worker's main thread hands to the thread that builds and writes a file. */

export interface WriteRequest {
  scan: ScanMetadata;
  entries: [eventId: string, rawJson: string][];
  devices: [eventId: string, rawJson: string][];
  finalPath: string;
  /** The only directory whose files the written file's external links may be followed into. */
  linkRoot: string;
  creator: string;
  fileTime: string;
  /** Where per-beamline template overrides live (`<BEAMLINE>.json`). */
  beamlineOverridesDir: string;
}

export type WriteOutcome =
  | { ok: true; size: number; sha256: string; warnings: string[]; validation: ScanValidation }
  /** `invalid-data`: the staged events cannot make a file; retrying cannot help. */
  | { ok: false; kind: 'invalid-data' | 'io'; message: string };
