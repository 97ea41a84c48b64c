/**
 * NXmx: macromolecular crystallography. The detector module geometry is derived
 * from the Detector's pixel sizes and beam centre; the frames stay in the
 * detector's own (master) file.
 */
import type { TechniqueTemplate } from '../template-schema.js';
import {
  END_TIME,
  MONOCHROMATOR_ROLE,
  SAMPLE_NAME,
  SAMPLE_ROLE,
  SOURCE_ROLE,
  START_TIME,
  TITLE,
} from './common.js';

export const NXMX: TechniqueTemplate = {
  definition: 'NXmx',
  techniques: ['MX'],
  description: 'Macromolecular crystallography: rotation data with detector module geometry',
  groups: {
    instrument: 'NXinstrument',
    'instrument/beam': 'NXbeam',
    'instrument/detector': 'NXdetector',
    'instrument/detector/module': 'NXdetector_module',
    source: 'NXsource',
    sample: 'NXsample',
    data: 'NXdata',
  },
  roles: {
    detector: {
      classes: ['Detector'],
      names: ['detector', 'pilatus', 'eiger'],
      send: 'a Detector',
    },
    beam: { classes: ['Beam'], names: ['beam'], send: 'a Beam' },
    monochromator: MONOCHROMATOR_ROLE,
    sample: SAMPLE_ROLE,
    source: SOURCE_ROLE,
  },
  items: [
    { ...TITLE, requirement: 'optional' },
    START_TIME,
    {
      path: 'end_time_estimated',
      requirement: 'required',
      sources: [
        { from: 'entry', field: 'end_time_estimated' },
        { from: 'entry', field: 'end_time' },
      ],
      expect: { type: 'datetime', rank: 0 },
      send: 'Entry.fields.end_time_estimated or Entry.fields.end_time (ISO 8601 with zone)',
    },
    { ...END_TIME, requirement: 'optional' },
    {
      path: 'instrument/name',
      requirement: 'required',
      sources: [{ from: 'entry', field: 'instrument/name' }],
      expect: { type: 'text', rank: 0 },
      send: 'Entry.beamline.name',
    },
    {
      path: 'instrument/beam/incident_wavelength',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'beam', field: 'incident_wavelength' },
        { from: 'component', role: 'monochromator', field: 'wavelength' },
        {
          from: 'component',
          role: 'beam',
          field: 'incident_energy',
          convert: 'energy-to-wavelength',
        },
        {
          from: 'component',
          role: 'monochromator',
          field: 'energy',
          convert: 'energy-to-wavelength',
        },
      ],
      expect: { type: 'float' },
      send: 'Beam.fields.incident_wavelength or Monochromator.fields.wavelength (or an energy)',
    },
    {
      path: 'instrument/beam/flux',
      requirement: 'optional',
      sources: [{ from: 'component', role: 'beam', field: 'flux' }],
      expect: { type: 'float' },
      send: 'Beam.fields.flux',
    },
    {
      path: 'instrument/detector/data',
      requirement: 'recommended',
      sources: [
        { from: 'external', role: 'detector', fileField: 'data_file', metadataKey: 'dataset' },
        // Frames uploaded to the gateway (a stream or an array), written into this file.
        { from: 'component', role: 'detector', field: 'data' },
      ],
      send: 'Detector.fields.data_file with extra_metadata.dataset (e.g. "/entry/data/data"), or Detector.fields.data = {"stream": "<name>"} of uploaded frames',
    },
    {
      path: 'instrument/detector/description',
      requirement: 'recommended',
      sources: [{ from: 'component', role: 'detector', field: 'model' }],
      expect: { type: 'text', rank: 0 },
      send: 'Detector.fields.model',
    },
    {
      path: 'instrument/detector/sensor_material',
      requirement: 'required',
      sources: [{ from: 'component', role: 'detector', field: 'sensor_material' }],
      expect: { type: 'text', rank: 0 },
      send: 'Detector.fields.sensor_material',
    },
    {
      path: 'instrument/detector/sensor_thickness',
      requirement: 'required',
      sources: [{ from: 'component', role: 'detector', field: 'sensor_thickness' }],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.fields.sensor_thickness (with unit)',
    },
    {
      path: 'instrument/detector/count_time',
      requirement: 'recommended',
      sources: [{ from: 'component', role: 'detector', field: 'exposure_time' }],
      expect: { type: 'number', rank: 0 },
      send: 'Detector.fields.exposure_time (with unit)',
    },
    {
      path: 'instrument/detector/distance',
      requirement: 'recommended',
      sources: [
        { from: 'component', role: 'detector', field: 'distance' },
        { from: 'component', role: 'detector', axis: 'detector_distance', copy: true },
      ],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.positions.detector_distance',
    },
    {
      path: 'instrument/detector/depends_on',
      requirement: 'optional',
      sources: [
        { from: 'component', role: 'detector', field: 'depends_on' },
        { from: 'constant', value: '.', fallback: true },
      ],
      send: 'Detector.positions with depends_on forming one chain',
    },
    {
      path: 'instrument/detector/module/data_origin',
      requirement: 'required',
      sources: [{ from: 'constant', value: [0, 0], dtype: 'int' }],
      send: 'nothing',
    },
    {
      path: 'instrument/detector/module/data_size',
      requirement: 'required',
      sources: [{ from: 'component', role: 'detector', field: 'image_shape', copy: true }],
      expect: { type: 'int', rank: 1 },
      send: 'Detector.fields.image_shape (pixels, slow then fast)',
    },
    {
      path: 'instrument/detector/module/fast_pixel_direction',
      requirement: 'required',
      sources: [{ from: 'derived', rule: 'mx-fast-pixel-direction' }],
      send: 'Detector.fields.x_pixel_size (with unit)',
    },
    {
      path: 'instrument/detector/module/slow_pixel_direction',
      requirement: 'required',
      sources: [{ from: 'derived', rule: 'mx-slow-pixel-direction' }],
      send: 'Detector.fields.y_pixel_size (with unit)',
    },
    {
      path: 'source/name',
      requirement: 'required',
      sources: [{ from: 'component', role: 'source', field: 'name' }],
      expect: { type: 'text', rank: 0 },
      send: 'StorageRing.fields.name (e.g. "Sirius")',
    },
    SAMPLE_NAME,
    {
      path: 'sample/depends_on',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'sample', field: 'depends_on' },
        { from: 'constant', value: '.', fallback: true },
      ],
      send: 'Sample.positions with depends_on forming one chain (e.g. phi → kappa → omega)',
    },
    {
      path: 'data/data',
      requirement: 'recommended',
      sources: [{ from: 'item', path: 'instrument/detector/data' }],
      send: 'Detector.fields.data_file with extra_metadata.dataset',
    },
  ],
  plot: { group: 'data', signal: 'data', axes: [], indices: {} },
};
