/** What the worker's main thread hands to a writer thread, and what it gets back. */
import type { ArrayRecord } from '#libs/arrays/src/array-records.js';
import type { NumberedRow } from '#libs/beamline-schema/src/index.js';
import type { StoragePolicy } from '#libs/nexus/src/compression.js';
import type {
  CompletenessReport,
  ScanMetadata,
  ScanState,
  ScanValidation,
} from '#libs/model/src/scan/index.js';

export interface WriteRequest {
  /** The scan as its status has it (with how the run ended, when the close said). */
  scan: ScanMetadata & Pick<ScanState, 'runEnd'>;
  entries: [eventId: string, rawJson: string][];
  devices: [eventId: string, rawJson: string][];
  finalPath: string;
  /** The only directory whose files the written file's external links may be followed into. */
  linkRoot: string;
  creator: string;
  fileTime: string;
  /** Where per-beamline template overrides live (`<BEAMLINE>.json`). */
  beamlineOverridesDir: string;
  /** The rows of the schema version the scan pinned (`scan.schema`), when it pinned one. */
  schemaRows?: NumberedRow[];
  /** The scan's uploaded arrays and frames, and the spool that holds them. */
  uploads?: { records: ArrayRecord[]; spoolDir: string };
  /** How large datasets are chunked and compressed, for the scan's beamline (else DEFAULT_STORAGE). */
  storage?: StoragePolicy;
}

/** Milliseconds of each step of a file in its writer thread. */
export interface ThreadPhases {
  /** Parse the staged events, map them to a tree, add the technique entry. */
  build: number;
  /** HDF5 writes the tree to the temporary file. */
  write: number;
  /** fsync, rename onto the final path, fsync of the directory. */
  fsync: number;
  /** SHA-256 of the final file. */
  digest: number;
  /** The NeXus validator reads the file back. */
  validate: number;
}

export type WriteOutcome =
  | {
      ok: true;
      size: number;
      sha256: string;
      warnings: string[];
      validation: ScanValidation;
      completeness?: CompletenessReport;
      phases: ThreadPhases;
    }
  /**
   * `invalid-data`: the staged events cannot make a file; retrying cannot help.
   * `io`: the write failed (disk, HDF5, a writer thread that died); it is retried.
   */
  | { ok: false; kind: 'invalid-data' | 'io'; message: string };

/** A report's dry run: what the file would hold, or why it could not be built. */
export type ReportOutcome =
  | {
      ok: true;
      warnings: string[];
      validation: ScanValidation;
      completeness?: CompletenessReport;
    }
  | { ok: false; message: string };
