import type { ExperimentDoneJson } from '../assonant-json.js';
import { deepFreeze } from './deep-freeze.js';

/** Assonant's ExperimentDone event for the MOGNO tomography. */
export const EXAMPLE_EXPERIMENT_DONE: ExperimentDoneJson = deepFreeze({
  beamline: 'MOGNO',
  filepath: '/ibira/lnls/beamlines/mogno/proposals/20240123/data/rock_core_A3/mogno_tomo_0001.nxs',
});
