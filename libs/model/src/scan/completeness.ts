/** What a beamline schema says to collect at each stage and moment, and what arrived. */

export interface CompletenessItem {
  /** Components from the beamline down, then the field or position: `monochromator/crystal_1/bragg`. */
  path: string;
  pv?: string;
  arrived: boolean;
}

export interface MomentCompleteness {
  /** The NXentry: `<stage>_<moment>`. */
  entry: string;
  expected: number;
  arrived: number;
  items: CompletenessItem[];
}

export interface CompletenessReport {
  /** The schema version the report was made with (the scan's pin). */
  schemaVersion: number;
  /**
   * Each moment of each stage the scan has events for: `start` and `end` list
   * the items Snapshoted at Exp. Start/end, `during` those Scanned During Exp.
   */
  moments: MomentCompleteness[];
}
