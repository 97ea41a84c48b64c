/** Assonant's naming enums: experiment stages, acquisition moments, techniques. */

export const ACQUISITION_MOMENTS = ['start', 'during', 'end'] as const;
export type AcquisitionMoment = (typeof ACQUISITION_MOMENTS)[number];

export const EXPERIMENT_STAGES = [
  'sample_acquisition',
  'sample_positioning',
  'flat_field_acquisition',
  'dark_field_acquisition',
  'buffer_acquisition',
] as const;
export type ExperimentStage = (typeof EXPERIMENT_STAGES)[number];

export const TECHNIQUES = [
  'ARPES',
  'CD',
  'CT',
  'MX',
  'PDF',
  'PEEM',
  'RIXS',
  'SAXS',
  'STXM',
  'USAXS',
  'WAXS',
  'XAS',
  'XES',
  'XEOL',
  'XMCD',
  'XPS',
  'XPCS',
  'XRD',
  'XRF',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** What each technique acronym stands for, for messages and the API docs. */
export const TECHNIQUE_NAMES: Record<Technique, string> = {
  ARPES: 'angle-resolved photoemission spectroscopy',
  CD: 'circular dichroism',
  CT: 'computed tomography',
  MX: 'macromolecular crystallography',
  PDF: 'pair distribution function',
  PEEM: 'photoemission electron microscopy',
  RIXS: 'resonant inelastic X-ray scattering',
  SAXS: 'small-angle X-ray scattering',
  STXM: 'scanning transmission X-ray microscopy',
  USAXS: 'ultra-small-angle X-ray scattering',
  WAXS: 'wide-angle X-ray scattering',
  XAS: 'X-ray absorption spectroscopy',
  XES: 'X-ray emission spectroscopy',
  XEOL: 'X-ray excited optical luminescence',
  XMCD: 'X-ray magnetic circular dichroism',
  XPS: 'X-ray photoelectron spectroscopy',
  XPCS: 'X-ray photon correlation spectroscopy',
  XRD: 'X-ray diffraction',
  XRF: 'X-ray fluorescence',
};

/** `CT (computed tomography), MX (…)`: the technique list a refusal quotes. */
export const TECHNIQUE_LIST = TECHNIQUES.map(
  (technique) => `${technique} (${TECHNIQUE_NAMES[technique]})`,
).join(', ');

export const TECHNIQUE_RULE = `technique must be one of ${TECHNIQUE_LIST}`;

/** The NXentry name of a stage at a moment, e.g. `dark_field_acquisition_end`. */
export function entryName(stage: ExperimentStage, moment: AcquisitionMoment): string {
  return `${stage}_${moment}`;
}

/** Every valid Entry name: each stage at each moment. */
export const ENTRY_NAMES: readonly string[] = EXPERIMENT_STAGES.flatMap((stage) =>
  ACQUISITION_MOMENTS.map((moment) => entryName(stage, moment)),
);
