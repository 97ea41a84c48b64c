/**
 * NXmx detector module geometry from the Detector's fields, in the convention of
 * the NXmx examples: fast pixels along -x, slow along -y (looking along the beam),
 * the fast axis offset so that the beam centre (pixels) lies on the beam, and the
 * chain module → detector axes (the Detector's own depends_on) → ".".
 */
import {
  dataset,
  float64,
  isDataset,
  nodeAt,
  scalarText,
  text,
  type NxValue,
} from '#libs/nexus/src/index.js';
import { asNumbers } from './conversions.js';
import { datasetAt, type BuildContext } from './context.js';
import type { Resolved } from './resolve.js';

const PIXEL_UNITS = new Set(['pixel', 'pixels', 'px']);

export function deriveMxPixelDirection(ctx: BuildContext, axis: 'fast' | 'slow'): Resolved {
  const size = detectorScalar(ctx, axis === 'fast' ? 'x_pixel_size' : 'y_pixel_size');
  if (size === undefined) return undefined;
  if (size.units === undefined) return { misfit: `${size.path}: a pixel size needs a unit` };
  const attrs: [string, NxValue][] = [
    ['units', text(size.units)],
    ['transformation_type', text('translation')],
    ['vector', float64(axis === 'fast' ? [-1, 0, 0] : [0, -1, 0])],
  ];
  if (axis === 'fast') {
    attrs.push(['offset', float64(fastOffset(ctx, size.units))]);
    attrs.push(['offset_units', text(size.units)]);
    attrs.push(['depends_on', text(detectorDependsOn(ctx))]);
  } else {
    attrs.push(['offset', float64([0, 0, 0])]);
    attrs.push(['offset_units', text(size.units)]);
    attrs.push([
      'depends_on',
      text(`${ctx.entryPath}/instrument/detector/module/fast_pixel_direction`),
    ]);
  }
  return { node: dataset(float64(size.value), attrs) };
}

/** Pixel (0, 0) sits at beam_center × pixel size from the beam (vectors point to -x, -y). */
function fastOffset(ctx: BuildContext, units: string): number[] {
  const x = detectorScalar(ctx, 'beam_center_x');
  const y = detectorScalar(ctx, 'beam_center_y');
  const px = detectorScalar(ctx, 'x_pixel_size');
  const py = detectorScalar(ctx, 'y_pixel_size');
  if (x === undefined || y === undefined || px === undefined || py === undefined) {
    ctx.warnings.push(
      'instrument/detector/module: no beam centre; module offset written as [0, 0, 0] (send Detector.fields.beam_center_x and beam_center_y)',
    );
    return [0, 0, 0];
  }
  const inLength = (c: typeof x, pixel: number): number => {
    if (c.units === undefined || PIXEL_UNITS.has(c.units)) return c.value * pixel;
    if (c.units !== units)
      ctx.warnings.push(
        `${c.path}: beam centre in ${c.units}, pixel size in ${units}; taken as ${units}`,
      );
    return c.value;
  };
  return [inLength(x, px.value), inLength(y, py.value), 0];
}

/** Where the detector's own chain starts, "." when it has none. */
function detectorDependsOn(ctx: BuildContext): string {
  for (const component of ctx.roles.get('detector') ?? []) {
    const node = nodeAt(ctx.root, `${component.path}/depends_on`);
    const target = isDataset(node) ? scalarText(node.value) : undefined;
    if (target !== undefined) return target;
  }
  return '.';
}

interface Scalar {
  path: string;
  value: number;
  units: string | undefined;
}

function detectorScalar(ctx: BuildContext, field: string): Scalar | undefined {
  for (const component of ctx.roles.get('detector') ?? []) {
    const found = datasetAt(ctx.root, `${component.path}/${field}`);
    if (found === undefined || found.node.value.shape.length !== 0) continue;
    const [value] = asNumbers(found.node.value) ?? [];
    if (value === undefined) continue;
    return { path: found.path, value, units: scalarText(found.node.attrs.get('units')) };
  }
  return undefined;
}
