/**
 * NXtomo's per-frame items, from the events.
 *
 * The detector's frame stack is taken to hold, in this order, the frames of the
 * dark-field stage, the flat-field stage and the sample-acquisition stage (the
 * order image_key values 2, 1, 0 are conventionally written), counting only the
 * stages the scan has entries for. A stage's frame count is the length of the
 * Detector's `frame_number` TimeSeries during it, else of the Sample's
 * `rotation_angle` TimeSeries during it, else the Detector's `number_of_darks`,
 * `number_of_flats` or `number_of_projections`. A client whose stack is ordered
 * otherwise sends `Detector.fields.image_key`, which the template prefers.
 */
import { dataset, float64, int64, softLink, text, type NxNode } from '#libs/nexus/src/index.js';
import { asNumbers, convert } from './conversions.js';
import { datasetAt, roleIn, type BuildContext, type FoundDataset } from './context.js';
import type { Resolved } from './resolve.js';

interface StageFrames {
  stage: string;
  imageKey: bigint;
  frames: number;
}

const STAGES = [
  { stage: 'dark_field_acquisition', imageKey: 2n, countField: 'number_of_darks' },
  { stage: 'flat_field_acquisition', imageKey: 1n, countField: 'number_of_flats' },
  { stage: 'sample_acquisition', imageKey: 0n, countField: 'number_of_projections' },
] as const;

export function deriveImageKey(ctx: BuildContext): Resolved {
  const stages = stageFrames(ctx);
  if (typeof stages === 'string') return { misfit: stages };
  if (stages.length === 0) return undefined;
  const keys = stages.flatMap((s) => Array<bigint>(s.frames).fill(s.imageKey));
  return { node: dataset(int64(keys)) };
}

/**
 * A link to the Sample's rotation_angle TimeSeries when the stack is one stage
 * that has it; otherwise a copy concatenating each stage's angles (a stage
 * without a TimeSeries repeats the angle its entries give as a single value).
 */
export function deriveRotationAngle(ctx: BuildContext): Resolved {
  const stages = stageFrames(ctx);
  if (typeof stages === 'string') return { misfit: stages };
  if (stages.length === 0) return undefined;
  const parts: { found: FoundDataset; values: number[] }[] = [];
  for (const s of stages) {
    const part = stageAngles(ctx, s);
    if (typeof part === 'string') return { misfit: part };
    parts.push(part);
  }
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && only.found.node.value.shape.length === 1) {
    if (only.found.node.value.dtype === 'float64') return { node: softLink(only.found.path) };
  }
  return { node: concatenated(parts) };
}

function concatenated(parts: { found: FoundDataset; values: number[] }[]): NxNode {
  const units = new Set(parts.map((p) => unitsOf(p.found)));
  const [single] = units;
  if (units.size === 1 && single !== undefined) {
    return dataset(float64(parts.flatMap((p) => p.values)), [['units', text(single)]]);
  }
  // Stages sent in different angle units: everything in degrees.
  const values = parts.flatMap((p) => {
    const deg = convert('angle-to-deg', float64(p.values), unitsOf(p.found));
    return deg === undefined ? p.values.map(() => NaN) : (asNumbers(deg.value) ?? []);
  });
  return dataset(float64(values), [['units', text('deg')]]);
}

function unitsOf(found: FoundDataset): string | undefined {
  const units = found.node.attrs.get('units');
  return units?.dtype === 'string' ? units.data[0] : undefined;
}

function stageAngles(
  ctx: BuildContext,
  s: StageFrames,
): { found: FoundDataset; values: number[] } | string {
  const during = sampleAngle(ctx, `${s.stage}_during`);
  if (during !== undefined && during.node.value.shape.length === 1) {
    const values = asNumbers(during.node.value) ?? [];
    if (values.length === s.frames) return { found: during, values };
  }
  for (const moment of ['start', 'end', 'during']) {
    const found = sampleAngle(ctx, `${s.stage}_${moment}`);
    const value = found?.node.value;
    if (found !== undefined && value !== undefined && value.shape.length === 0) {
      const [angle] = asNumbers(value) ?? [];
      if (angle !== undefined) return { found, values: Array<number>(s.frames).fill(angle) };
    }
  }
  return `no Sample rotation_angle for the ${s.frames} frame(s) of ${s.stage}`;
}

function sampleAngle(ctx: BuildContext, entry: string): FoundDataset | undefined {
  const sample = roleIn(ctx, 'sample', entry);
  return sample === undefined
    ? undefined
    : datasetAt(ctx.root, `${sample.path}/transformations/rotation_angle`);
}

/** The frame count of each stage the scan has, in stack order; or why it is unknown. */
function stageFrames(ctx: BuildContext): StageFrames[] | string {
  const out: StageFrames[] = [];
  for (const { stage, imageKey, countField } of STAGES) {
    if (!ctx.entryOrder.some((e) => e.startsWith(`${stage}_`))) continue;
    const frames = framesOf(ctx, stage, countField);
    if (frames === undefined) return `the number of frames of ${stage} is unknown`;
    out.push({ stage, imageKey, frames });
  }
  return out;
}

function framesOf(ctx: BuildContext, stage: string, countField: string): number | undefined {
  const during = `${stage}_during`;
  const detector = roleIn(ctx, 'detector', during);
  const frameNumbers =
    detector === undefined ? undefined : datasetAt(ctx.root, `${detector.path}/frame_number`);
  const angles = sampleAngle(ctx, during);
  for (const series of [frameNumbers, angles]) {
    if (series !== undefined && series.node.value.shape.length === 1)
      return series.node.value.shape[0];
  }
  const entries = [
    ...ctx.entryOrder.filter((e) => e.startsWith(`${stage}_`)),
    ...ctx.entryOrder.filter((e) => !e.startsWith(`${stage}_`)),
  ];
  for (const entry of entries) {
    const component = roleIn(ctx, 'detector', entry);
    const count =
      component === undefined ? undefined : datasetAt(ctx.root, `${component.path}/${countField}`);
    const value = count?.node.value;
    if (value?.dtype === 'int64' && value.shape.length === 0) return Number(value.data[0]);
  }
  return undefined;
}
