/**
 * Shape of the rule tables generated from the NXDL files
 * (`scripts/generate-nxdl-rules.ts` writes `generated/nxdl-rules.ts`).
 *
 * Properties equal to their default are left out of the table to keep it small;
 * the comments give each default.
 */

/** NXDL requirement as the NeXus manual reads it (see `requirement()` in the generator). */
export type Requirement = 'required' | 'recommended' | 'optional';

/** How an NXDL name matches HDF5 names: literally, by upper-case placeholders, or not at all. */
export type NameType = 'specified' | 'partial' | 'any';

export type SpecKind = 'group' | 'field' | 'attribute' | 'link' | 'choice';

/** One `<dim>`: index, value and `required` exactly as written in the NXDL. */
export type DimRule = readonly [
  index: string | null,
  value: string | null,
  required: string | null,
];

export interface DimsRule {
  /** The `rank` attribute as written (may be a symbol), null when absent. */
  readonly rank: string | null;
  readonly dims: readonly DimRule[];
}

/** One NXDL element of an application definition (or of a base class, for the base-class checks). */
export interface SpecRule {
  readonly kind: SpecKind;
  /** Absent for unnamed groups. */
  readonly name?: string;
  /** NX_class of a group, NXDL type of a field or attribute; absent when the NXDL states none. */
  readonly type?: string;
  readonly units?: string;
  /** The deprecation note, when deprecated. */
  readonly deprecated?: string;
  /** Target of a `<link>`. */
  readonly target?: string;
  /** Default `specified` (`any` for unnamed groups is written out). */
  readonly nameType?: NameType;
  /** Default `optional`. */
  readonly requirement?: Requirement;
  /** Default 0. */
  readonly minOccurs?: number;
  /** Absent = unbounded. */
  readonly maxOccurs?: number;
  readonly enum?: readonly string[];
  /** Default false: an open enumeration only suggests values. */
  readonly enumOpen?: boolean;
  readonly dims?: DimsRule;
  /** Default none. */
  readonly children?: readonly SpecRule[];
  /** Default none. */
  readonly attributes?: readonly SpecRule[];
}

/** Which NXDL folder a definition was read from. */
export type NxdlFolder = 'base_classes' | 'applications' | 'contributed_definitions';

/** Every definition found, by name, with what the base-class checks need from it. */
export interface DefinitionRule {
  readonly folder: NxdlFolder;
  /** True for category="application" (such a name is not a valid NX_class). */
  readonly isApp?: boolean;
  readonly extends?: string;
  /** Top-level fields of a base class (application definitions: omitted). */
  readonly fields?: readonly SpecRule[];
  /** Group attributes of a base class (application definitions: omitted). */
  readonly attributes?: readonly SpecRule[];
}

export interface NxdlRules {
  /** Content of NXDL_VERSION in the definitions directory. */
  readonly version: string;
  readonly definitions: Readonly<Record<string, DefinitionRule>>;
  /**
   * The top-level NXentry group of each supported application definition,
   * with the application definitions it extends already overlaid.
   */
  readonly applications: Readonly<Record<string, SpecRule>>;
}
