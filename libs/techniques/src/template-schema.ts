/**
 * The template format: a NeXus application definition's layout as data. A
 * template says where each item of the technique entry comes from in the
 * Assonant tree, so a new beamline or a renamed device is a data change, not
 * a code change. Everything here is plain JSON (no functions, no bigint), so
 * the API can serve templates as they are.
 */
import type { ComponentClass } from '#libs/model/src/component-classes.js';
import type { Technique } from '#libs/model/src/naming.js';

/** NXDL requirement of an item. Only required and recommended items are reported when missing. */
export type Requirement = 'required' | 'recommended' | 'optional';

/**
 * A device the template reads from, found among the scan's components by class.
 * When several components have one of the classes, the first of `names` present
 * wins, else the first by name; a beamline override can name the component.
 */
export interface RoleSpec {
  classes: ComponentClass[];
  /** Preferred component names, most likely first. */
  names?: string[];
  /** How to send this device, in Assonant terms, e.g. "a Detector component". */
  send: string;
}

/** Quantity conversions applied to a copied value (a converted value cannot be a link). */
export type Conversion =
  /** Photon energy (eV, keV) → wavelength in angstrom: λ[Å] = 12.398419843 / E[keV]. */
  | 'energy-to-wavelength'
  /** Wavelength (angstrom, nm) → photon energy in keV. */
  | 'wavelength-to-energy'
  /** An angle in rad or deg → deg. */
  | 'angle-to-deg'
  /** A length in m, cm, mm, um, µm or nm → mm. */
  | 'length-to-mm';

/** Computations that no single source expresses; each is documented where it is implemented. */
export type DerivedRule =
  'tomo-image-key' | 'tomo-rotation-angle' | 'mx-fast-pixel-direction' | 'mx-slow-pixel-direction';

/** A field, axis or child of a component (the first of field/axis that is given). */
export interface ComponentSource {
  from: 'component';
  role: string;
  /** A DataField or TimeSeries of the component (a TimeSeries is its NXlog's `value`). */
  field?: string;
  /** An axis of the component's positions. */
  axis?: string;
  /** Copy instead of linking. Default false: link where the data already is. */
  copy?: boolean;
  convert?: Conversion;
}

/** A field of a raw entry (the scan's metadata lands there too: title, start_time, ...). */
export interface EntryFieldSource {
  from: 'entry';
  field: string;
}

export interface ConstantSource {
  from: 'constant';
  value: string | number | number[];
  /** Numbers are float64 unless `int`. */
  dtype?: 'float' | 'int';
  units?: string;
  /**
   * A stand-in written when no other source had the item: the item is written,
   * but a warning says what to send (e.g. depends_on "." for a sample without a chain).
   */
  fallback?: boolean;
}

/**
 * Data in another HDF5 file (the area detector's own): a component field holds
 * the file name, and the dataset path is in that field's extra_metadata
 * (`metadataKey`) or in a sibling field (`datasetField`).
 */
export interface ExternalSource {
  from: 'external';
  role: string;
  fileField: string;
  metadataKey?: string;
  datasetField?: string;
}

/** Another item of this technique entry, linked (NXdata members). */
export interface ItemSource {
  from: 'item';
  path: string;
}

export interface DerivedSource {
  from: 'derived';
  rule: DerivedRule;
}

export type Source =
  ComponentSource | EntryFieldSource | ConstantSource | ExternalSource | ItemSource | DerivedSource;

/** What a value must look like for NeXus; a source that does not fit is skipped. */
export interface Expect {
  type?: 'float' | 'int' | 'number' | 'text' | 'datetime';
  rank?: number;
}

export interface TemplateItem {
  /** Path in the technique entry, e.g. "instrument/detector/data". */
  path: string;
  requirement: Requirement;
  /** Candidates, tried in order. */
  sources: Source[];
  expect?: Expect;
  /** What a client sends to fill the item, in Assonant terms, e.g. "Sample.positions.rotation_angle". */
  send: string;
}

/** The plottable NXdata of the entry. */
export interface PlotSpec {
  group: string;
  signal: string;
  /** One per signal dimension, "." where there is no axis. */
  axes: string[];
  /** AXISNAME_indices: the signal dimension each axis (or extra coordinate) runs along. */
  indices: Record<string, number>;
}

export interface TechniqueTemplate {
  /** Application definition, e.g. "NXtomo". */
  definition: string;
  techniques: Technique[];
  description: string;
  /** NX_class of every group the entry holds, by path in the entry. */
  groups: Record<string, string>;
  roles: Record<string, RoleSpec>;
  items: TemplateItem[];
  plot: PlotSpec;
}
