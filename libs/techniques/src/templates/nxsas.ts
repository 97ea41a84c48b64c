/** NXsas: small- and wide-angle scattering, one 2-D detector image in the detector's file. */
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
} from './common.js';

export const NXSAS: TechniqueTemplate = {
  definition: 'NXsas',
  techniques: ['SAXS', 'WAXS', 'USAXS'],
  description:
    'Small/wide-angle X-ray scattering: a 2-D detector image with its distance and pixel sizes',
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
      names: ['detector', 'pilatus', 'eiger', 'saxs'],
      send: 'a Detector',
    },
    monochromator: MONOCHROMATOR_ROLE,
    sample: SAMPLE_ROLE,
    source: SOURCE_ROLE,
  },
  items: [
    { ...TITLE, requirement: 'optional' },
    { ...START_TIME, requirement: 'optional' },
    {
      path: 'instrument/name',
      requirement: 'required',
      sources: [{ from: 'entry', field: 'instrument/name' }],
      expect: { type: 'text', rank: 0 },
      send: 'Entry.beamline.name',
    },
    ...sourceItems('instrument/source').map((item) =>
      item.path.endsWith('/name') ? { ...item, requirement: 'optional' as const } : item,
    ),
    monochromatorWavelength('instrument/monochromator/wavelength'),
    {
      path: 'instrument/detector/data',
      requirement: 'required',
      sources: [
        { from: 'external', role: 'detector', fileField: 'data_file', metadataKey: 'dataset' },
      ],
      send: 'Detector.fields.data_file with extra_metadata.dataset (a 2-D image)',
    },
    {
      path: 'instrument/detector/distance',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'detector', field: 'distance' },
        { from: 'component', role: 'detector', axis: 'detector_distance', copy: true },
      ],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.positions.detector_distance (with unit)',
    },
    {
      path: 'instrument/detector/x_pixel_size',
      requirement: 'required',
      sources: [{ from: 'component', role: 'detector', field: 'x_pixel_size' }],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.fields.x_pixel_size (with unit)',
    },
    {
      path: 'instrument/detector/y_pixel_size',
      requirement: 'required',
      sources: [{ from: 'component', role: 'detector', field: 'y_pixel_size' }],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.fields.y_pixel_size (with unit)',
    },
    {
      path: 'instrument/detector/beam_center_x',
      requirement: 'optional',
      sources: [{ from: 'component', role: 'detector', field: 'beam_center_x' }],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.fields.beam_center_x',
    },
    {
      path: 'instrument/detector/beam_center_y',
      requirement: 'optional',
      sources: [{ from: 'component', role: 'detector', field: 'beam_center_y' }],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.fields.beam_center_y',
    },
    // Required as soon as the (optional) NXsample group exists, which it does whenever a Sample is sent.
    { ...SAMPLE_NAME, requirement: 'required' },
    {
      path: 'data/data',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/detector/data' }],
      send: 'Detector.fields.data_file with extra_metadata.dataset',
    },
  ],
  plot: { group: 'data', signal: 'data', axes: [], indices: {} },
};
