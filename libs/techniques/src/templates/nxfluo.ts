/** NXfluo: X-ray fluorescence, one energy-dispersive spectrum normalised by a monitor. */
import type { TechniqueTemplate } from '../template-schema.js';
import {
  MONOCHROMATOR_ROLE,
  SAMPLE_NAME,
  SAMPLE_ROLE,
  SOURCE_ROLE,
  START_TIME,
  TITLE,
  monochromatorWavelength,
  sourceItems,
  monitorSettings,
} from './common.js';

export const NXFLUO: TechniqueTemplate = {
  definition: 'NXfluo',
  techniques: ['XRF'],
  description:
    'X-ray fluorescence: an energy-dispersive spectrum with its channel energies and a monitor',
  groups: {
    instrument: 'NXinstrument',
    'instrument/source': 'NXsource',
    'instrument/monochromator': 'NXmonochromator',
    'instrument/fluorescence': 'NXdetector',
    monitor: 'NXmonitor',
    sample: 'NXsample',
    data: 'NXdata',
  },
  roles: {
    fluorescence: {
      classes: ['Detector'],
      names: ['fluorescence', 'xspress3', 'vortex', 'sdd'],
      send: 'a Detector (the fluorescence detector)',
    },
    monitor: { classes: ['Detector'], names: ['i0', 'monitor'], send: 'a Detector named i0' },
    monochromator: MONOCHROMATOR_ROLE,
    sample: SAMPLE_ROLE,
    source: SOURCE_ROLE,
  },
  items: [
    TITLE,
    START_TIME,
    ...sourceItems('instrument/source'),
    monochromatorWavelength('instrument/monochromator/wavelength'),
    {
      path: 'instrument/fluorescence/data',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'fluorescence', field: 'spectrum' },
        { from: 'component', role: 'fluorescence', field: 'data' },
      ],
      expect: { type: 'int', rank: 1 },
      send: 'Detector.fields.spectrum (counts per channel, integers)',
    },
    {
      path: 'instrument/fluorescence/energy',
      requirement: 'required',
      sources: [{ from: 'component', role: 'fluorescence', field: 'energy' }],
      expect: { type: 'float', rank: 1 },
      send: 'Detector.fields.energy (the energy of each channel)',
    },
    SAMPLE_NAME,
    ...monitorSettings('monitor'),
    {
      path: 'monitor/data',
      requirement: 'required',
      sources: [{ from: 'component', role: 'monitor', field: 'data' }],
      expect: { type: 'int' },
      send: 'Detector i0 .fields.data (integer counts)',
    },
    {
      path: 'data/data',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/fluorescence/data' }],
      send: 'Detector.fields.spectrum',
    },
    {
      path: 'data/energy',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/fluorescence/energy' }],
      send: 'Detector.fields.energy',
    },
  ],
  plot: { group: 'data', signal: 'data', axes: ['energy'], indices: { energy: 0 } },
};
