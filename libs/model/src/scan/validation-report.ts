/**
 * The one shape of a NeXus validation finding and report: what the validator
 * produces, what a scan's status keeps, what `POST /v1/validate` answers.
 */

export type Severity = 'error' | 'warning';

/** Where a finding's rule comes from. */
export type Origin = 'application' | 'base_class' | 'nexus_rule';

export interface Finding {
  severity: Severity;
  /** HDF5 path, with `@name` for an attribute. */
  path: string;
  /** Stable identifier of the check, e.g. `missing`, `type`, `units`, `nxdata-signal`. */
  code: string;
  message: string;
  /** The NXDL concept, e.g. `NXtomo:/NXentry/sample:NXsample/rotation_angle`, when one applies. */
  nxdl: string | null;
  origin: Origin;
  /** What to send next time, in Assonant terms, when the technique template knows where the item comes from. */
  hint?: string;
}

export interface EntryDefinition {
  /** HDF5 path of the NXentry or NXsubentry. */
  entry: string;
  /** Its `definition` field, when it has one. */
  definition: string | null;
  /** The application definition it was checked against, or null if none. */
  validatedAgainst: string | null;
}

export interface ValidationReport {
  definitions: EntryDefinition[];
  errors: number;
  warnings: number;
  /** At most MAX_FINDINGS (1000); `errors` and `warnings` count them all. */
  findings: Finding[];
  /** Findings left out of `findings` to keep the report small. */
  droppedFindings: number;
}

/** A scan's written file checked against NeXus and the technique's application definition. */
export interface ScanValidation extends Pick<ValidationReport, 'errors' | 'warnings' | 'findings'> {
  /** The application definition of the technique entry; null when the technique has none. */
  definition: string | null;
}
