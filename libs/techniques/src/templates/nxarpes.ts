/** NXarpes: angle-resolved photoemission, the analyser's angle × energy image. */
import type { TechniqueTemplate, TemplateItem } from '../template-schema.js';
import {
  MONOCHROMATOR_ROLE,
  SAMPLE_NAME,
  SAMPLE_ROLE,
  SOURCE_ROLE,
  START_TIME,
  TITLE,
  monochromatorEnergy,
  sourceItems,
} from './common.js';

/** An analyser setting sent as a Detector field of the same name. */
function analyser(field: string, expect: TemplateItem['expect'], note = ''): TemplateItem {
  return {
    path: `instrument/analyser/${field}`,
    requirement: 'required',
    sources: [{ from: 'component', role: 'analyser', field }],
    ...(expect === undefined ? {} : { expect }),
    send: `Detector.fields.${field}${note}`,
  };
}

export const NXARPES: TechniqueTemplate = {
  definition: 'NXarpes',
  techniques: ['ARPES'],
  description:
    'Angle-resolved photoemission: the analyser image over emission angle and kinetic energy',
  groups: {
    instrument: 'NXinstrument',
    'instrument/source': 'NXsource',
    'instrument/monochromator': 'NXmonochromator',
    'instrument/analyser': 'NXdetector',
    sample: 'NXsample',
    data: 'NXdata',
  },
  roles: {
    analyser: {
      classes: ['Detector'],
      names: ['analyser', 'analyzer', 'r4000', 'ds8'],
      send: 'a Detector (the electron analyser)',
    },
    monochromator: MONOCHROMATOR_ROLE,
    sample: SAMPLE_ROLE,
    source: SOURCE_ROLE,
  },
  items: [
    TITLE,
    START_TIME,
    ...sourceItems('instrument/source'),
    monochromatorEnergy('instrument/monochromator/energy'),
    analyser('data', { type: 'number', rank: 2 }, ' (counts, angle × energy)'),
    analyser('lens_mode', { type: 'text', rank: 0 }),
    analyser('acquisition_mode', { type: 'text', rank: 0 }, ' ("swept" or "fixed")'),
    analyser('entrance_slit_shape', { type: 'text', rank: 0 }, ' ("curved" or "straight")'),
    analyser('entrance_slit_setting', { type: 'number', rank: 0 }),
    analyser('entrance_slit_size', { type: 'number', rank: 0 }, ' (with unit)'),
    analyser('pass_energy', { type: 'number', rank: 0 }, ' (with unit)'),
    analyser('time_per_channel', { type: 'number', rank: 0 }, ' (with unit)'),
    analyser('angles', { type: 'number', rank: 1 }, ' (deg)'),
    analyser('energies', { type: 'number', rank: 1 }, ' (eV)'),
    analyser('sensor_size', { type: 'int', rank: 1 }, ' (2 integers)'),
    analyser('region_origin', { type: 'int', rank: 1 }, ' (2 integers)'),
    analyser('region_size', { type: 'int', rank: 1 }, ' (2 integers)'),
    SAMPLE_NAME,
    {
      path: 'sample/temperature',
      requirement: 'required',
      sources: [{ from: 'component', role: 'sample', field: 'temperature' }],
      expect: { type: 'number' },
      send: 'Sample.fields.temperature (with unit)',
    },
    {
      path: 'data/data',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/analyser/data' }],
      send: 'Detector.fields.data',
    },
    {
      path: 'data/angles',
      requirement: 'recommended',
      sources: [{ from: 'item', path: 'instrument/analyser/angles' }],
      send: 'Detector.fields.angles',
    },
    {
      path: 'data/energies',
      requirement: 'recommended',
      sources: [{ from: 'item', path: 'instrument/analyser/energies' }],
      send: 'Detector.fields.energies',
    },
  ],
  plot: {
    group: 'data',
    signal: 'data',
    axes: ['angles', 'energies'],
    indices: { angles: 0, energies: 1 },
  },
};
