/** NXxas: absorption spectroscopy, incoming (I0) and absorbed (It or fluorescence) beam per energy point. */
import type { TechniqueTemplate } from '../template-schema.js';
import {
  MONOCHROMATOR_ROLE,
  SAMPLE_NAME,
  SAMPLE_ROLE,
  SOURCE_ROLE,
  START_TIME,
  TITLE,
  monochromatorEnergy,
  sourceItems,
  monitorSettings,
} from './common.js';

export const NXXAS: TechniqueTemplate = {
  definition: 'NXxas',
  techniques: ['XAS'],
  description:
    'X-ray absorption spectroscopy: monochromator energy scan with I0 and absorbed-beam counts',
  groups: {
    instrument: 'NXinstrument',
    'instrument/source': 'NXsource',
    'instrument/monochromator': 'NXmonochromator',
    'instrument/incoming_beam': 'NXdetector',
    'instrument/absorbed_beam': 'NXdetector',
    monitor: 'NXmonitor',
    sample: 'NXsample',
    data: 'NXdata',
  },
  roles: {
    incoming: {
      classes: ['Detector'],
      names: ['i0', 'incoming_beam'],
      send: 'a Detector named i0',
    },
    absorbed: {
      classes: ['Detector'],
      names: ['it', 'i1', 'absorbed_beam', 'fluorescence'],
      send: 'a Detector named it',
    },
    monochromator: MONOCHROMATOR_ROLE,
    sample: SAMPLE_ROLE,
    source: SOURCE_ROLE,
  },
  items: [
    TITLE,
    START_TIME,
    ...sourceItems('instrument/source'),
    monochromatorEnergy('instrument/monochromator/energy', 1),
    {
      path: 'instrument/incoming_beam/data',
      requirement: 'required',
      sources: [{ from: 'component', role: 'incoming', field: 'data' }],
      expect: { type: 'number', rank: 1 },
      send: 'Detector i0 .fields.data (a TimeSeries during sample_acquisition)',
    },
    {
      path: 'instrument/absorbed_beam/data',
      requirement: 'required',
      sources: [{ from: 'component', role: 'absorbed', field: 'data' }],
      expect: { type: 'number', rank: 1 },
      send: 'Detector it .fields.data (a TimeSeries during sample_acquisition)',
    },
    SAMPLE_NAME,
    ...monitorSettings('incoming'),
    {
      path: 'monitor/data',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/incoming_beam/data' }],
      send: 'Detector i0 .fields.data',
    },
    {
      path: 'data/energy',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/monochromator/energy' }],
      send: 'Monochromator.fields.energy',
    },
    {
      path: 'data/absorbed_beam',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/absorbed_beam/data' }],
      send: 'Detector it .fields.data',
    },
    {
      path: 'data/mode',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'absorbed', field: 'mode' },
        { from: 'constant', value: 'Transmission' },
      ],
      expect: { type: 'text', rank: 0 },
      send: 'Detector it .fields.mode ("Transmission", "Fluorescence Yield", ...)',
    },
  ],
  plot: { group: 'data', signal: 'absorbed_beam', axes: ['energy'], indices: { energy: 0 } },
};
