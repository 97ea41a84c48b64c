/**
 * Which raw entry a technique item is read from. Scanned data is taken during
 * the acquisition, settings at its start: `sample_acquisition_during` first (the
 * per-frame arrays), then `_start`, `_end`, then sample positioning (end first:
 * where the sample was left), then every other entry in experiment order. An item
 * that does not fit in one entry (e.g. a scalar wanted, a TimeSeries found) is
 * looked for in the next.
 */
import { compareEntryNames } from '#libs/nexus/src/index.js';

const PREFERRED = [
  'sample_acquisition_during',
  'sample_acquisition_start',
  'sample_acquisition_end',
  'sample_positioning_end',
  'sample_positioning_during',
  'sample_positioning_start',
];

export function entryPreference(entryNames: Iterable<string>): string[] {
  const names = [...new Set(entryNames)];
  const rank = (name: string): number => {
    const i = PREFERRED.indexOf(name);
    return i < 0 ? PREFERRED.length : i;
  };
  return names.sort((a, b) => rank(a) - rank(b) || compareEntryNames(a, b));
}
