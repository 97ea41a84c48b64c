/** NXstxm: scanning transmission X-ray microscopy, counts over sample x, y (and energy). */
import type { TechniqueTemplate } from '../template-schema.js';
import {
  END_TIME,
  MONOCHROMATOR_ROLE,
  SAMPLE_ROLE,
  SOURCE_ROLE,
  START_TIME,
  TITLE,
  monochromatorEnergy,
  sourceItems,
} from './common.js';

export const NXSTXM: TechniqueTemplate = {
  definition: 'NXstxm',
  techniques: ['STXM'],
  description:
    'Scanning transmission X-ray microscopy: detector counts over a sample x/y raster at one or more energies',
  groups: {
    instrument: 'NXinstrument',
    'instrument/source': 'NXsource',
    'instrument/monochromator': 'NXmonochromator',
    'instrument/detector': 'NXdetector',
    sample: 'NXsample',
    data: 'NXdata',
  },
  roles: {
    detector: {
      classes: ['Detector'],
      names: ['detector', 'pmt', 'apd', 'diode'],
      send: 'a Detector',
    },
    monochromator: MONOCHROMATOR_ROLE,
    sample: SAMPLE_ROLE,
    source: SOURCE_ROLE,
  },
  items: [
    TITLE,
    START_TIME,
    { ...END_TIME, requirement: 'required' },
    ...sourceItems('instrument/source'),
    monochromatorEnergy('instrument/monochromator/energy', 1),
    {
      path: 'instrument/detector/data',
      requirement: 'required',
      sources: [{ from: 'component', role: 'detector', field: 'data' }],
      expect: { type: 'number' },
      send: 'Detector.fields.data (counts, [y, x] for an image)',
    },
    {
      path: 'sample/rotation_angle',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'sample', axis: 'rotation_angle' },
        { from: 'component', role: 'sample', field: 'rotation_angle' },
      ],
      expect: { type: 'float' },
      send: 'Sample.positions.rotation_angle',
    },
    {
      path: 'data/stxm_scan_type',
      requirement: 'required',
      sources: [
        { from: 'entry', field: 'stxm_scan_type' },
        { from: 'component', role: 'detector', field: 'stxm_scan_type' },
      ],
      expect: { type: 'text', rank: 0 },
      send: 'Entry.fields.stxm_scan_type (e.g. "sample image")',
    },
    {
      path: 'data/data',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/detector/data' }],
      send: 'Detector.fields.data',
    },
    {
      path: 'data/energy',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/monochromator/energy' }],
      send: 'Monochromator.fields.energy',
    },
    {
      path: 'data/sample_y',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'sample', field: 'sample_y' },
        { from: 'component', role: 'sample', axis: 'y' },
      ],
      expect: { type: 'float', rank: 1 },
      send: 'Sample.fields.sample_y (the raster y positions) or Sample.positions.y scanned',
    },
    {
      path: 'data/sample_x',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'sample', field: 'sample_x' },
        { from: 'component', role: 'sample', axis: 'x' },
      ],
      expect: { type: 'float', rank: 1 },
      send: 'Sample.fields.sample_x (the raster x positions) or Sample.positions.x scanned',
    },
  ],
  plot: {
    group: 'data',
    signal: 'data',
    axes: ['sample_y', 'sample_x'],
    indices: { sample_y: 0, sample_x: 1 },
  },
};
