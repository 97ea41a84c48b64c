/** What the gateway and a validator process say to each other. */
import type { ExternalLinkPolicy, ValidationReport } from '#libs/nxdl/src/index.js';

export interface ValidateFileRequest {
  /** The file to read, already on local disk. */
  file: string;
  /** Validate every entry against this application definition instead of its own. */
  app?: string;
  externalLinks: ExternalLinkPolicy;
}

/** The child's answer; a file HDF5 cannot open, or an unknown `app`, is `ok: false`. */
export type ChildAnswer = { ok: true; report: ValidationReport } | { ok: false; message: string };

/** Sent by the child as it starts a file, so that the parent can watch that process. */
export interface StartedEvent {
  pid: number;
}

/** Sent by a child that cannot go on (h5wasm trapped) just before it exits. */
export interface FatalEvent {
  fatal: string;
}

/** The name under which the child registers its one method. */
export const VALIDATE_METHOD = 'validateFile';

/** What a child sends besides its answer: its start, its end, or a chunk of its output. */
export type ChildEvent = StartedEvent | FatalEvent | { stdout: string } | { stderr: string };
