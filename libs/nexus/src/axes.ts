/**
 * The NXtransformations attributes of one axis (position) of a component.
 *
 * NeXus requires `@vector` on every transformation. When the client sends none we
 * use a default in the NeXus (McStas) frame, z along the beam and y up:
 * - a translation named `x`, `y` or `z` moves along that axis;
 * - any other translation moves along the beam, [0, 0, 1] (detector and camera
 *   distances, the common case);
 * - a rotation turns about the vertical, [0, 1, 0] (a tomography rotation stage).
 * Clients with other geometry (e.g. a horizontal MX omega axis) must send `vector`.
 */
import type { AxisJson, TransformationType } from '#libs/model/src/assonant-json.js';
import { float64, text, type NxValue } from './tree.js';

type Vector = [number, number, number];

const UNIT_VECTORS: Readonly<Partial<Record<string, Vector>>> = {
  x: [1, 0, 0],
  y: [0, 1, 0],
  z: [0, 0, 1],
};

export function defaultVector(axisName: string, type: TransformationType): Vector {
  if (type === 'rotation') return [0, 1, 0];
  return UNIT_VECTORS[axisName.toLowerCase()] ?? [0, 0, 1];
}

/**
 * `@depends_on` is written as received (the next axis's name, a path or "."); the
 * geometry pass resolves it to an absolute path once the whole tree is known.
 */
export function axisAttrs(name: string, axis: AxisJson): [string, NxValue][] {
  // Integer literals in JSON arrive as bigint whatever the declared type says.
  const vector = axis.vector?.map(Number) ?? defaultVector(name, axis.transformation_type);
  const attrs: [string, NxValue][] = [
    ['transformation_type', text(axis.transformation_type)],
    ['vector', float64(vector)],
  ];
  if (axis.offset !== undefined) attrs.push(['offset', float64(axis.offset.map(Number))]);
  if (axis.offset_units !== undefined) attrs.push(['offset_units', text(axis.offset_units)]);
  if (axis.depends_on !== undefined) attrs.push(['depends_on', text(axis.depends_on)]);
  return attrs;
}
