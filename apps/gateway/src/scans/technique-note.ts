/**
 * A scan whose technique has no application definition here is written with
 * its raw stage entries only. Its status says so from the moment it opens, so
 * that nobody waits for a technique entry that will not come.
 */
import type { ScanState } from '#libs/model/src/scan/index.js';
import { TECHNIQUE_NAMES, type Technique } from '#libs/model/src/index.js';
import { templateForTechnique } from '#libs/techniques/src/index.js';

export function techniqueNote(technique: Technique): string | undefined {
  if (templateForTechnique(technique) !== undefined) return undefined;
  return (
    `technique ${technique} (${TECHNIQUE_NAMES[technique]}) has no NeXus application definition ` +
    'in this gateway yet: the file holds the raw stage entries only, with no technique entry ' +
    '/entry. GET /v1/definitions lists the techniques that have one.'
  );
}

/** The scan as served: the note on its technique (never stored), then its recorded warnings. */
export function withTechniqueNote(scan: ScanState): ScanState {
  const note = techniqueNote(scan.technique);
  if (note === undefined) return scan;
  return { ...scan, warnings: [note, ...scan.warnings] };
}
