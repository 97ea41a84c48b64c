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

/** The NXentry name of a stage at a moment, e.g. `dark_field_acquisition_end`. */
export function entryName(stage: ExperimentStage, moment: AcquisitionMoment): string {
  return `${stage}_${moment}`;
}

/** Every valid Entry name: each stage at each moment. */
export const ENTRY_NAMES: readonly string[] = EXPERIMENT_STAGES.flatMap((stage) =>
  ACQUISITION_MOMENTS.map((moment) => entryName(stage, moment)),
);
