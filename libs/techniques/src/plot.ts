/**
 * The plottable NXdata: @signal, @axes and AXISNAME_indices, naming only members
 * that were placed (a name that resolves to nothing makes NXdata invalid).
 */
import { int64, text, type NxGroupNode } from '#libs/nexus/src/index.js';
import type { PlotSpec } from './template-schema.js';

/** Sets the plot attributes; false when the signal itself is missing. */
export function setPlotAttributes(data: NxGroupNode, plot: PlotSpec): boolean {
  if (!data.children.has(plot.signal)) return false;
  data.attrs.set('signal', text(plot.signal));
  if (plot.axes.length > 0) {
    const axes = plot.axes.map((a) => (data.children.has(a) ? a : '.'));
    data.attrs.set('axes', text(axes));
  }
  for (const [axis, index] of Object.entries(plot.indices)) {
    if (data.children.has(axis)) data.attrs.set(`${axis}_indices`, int64(BigInt(index)));
  }
  return true;
}
