/**
 * NXtomo: one detector stack (darks, flats, projections) with an image_key and a
 * rotation angle per frame. The frame stack stays in the camera's own file, or
 * comes into this one as frames uploaded to the gateway.
 */
import type { TechniqueTemplate } from '../template-schema.js';
import { END_TIME, SAMPLE_NAME, SAMPLE_ROLE, SOURCE_ROLE, START_TIME, TITLE } from './common.js';

export const NXTOMO: TechniqueTemplate = {
  definition: 'NXtomo',
  techniques: ['CT'],
  description:
    'Computed tomography: projections, flat and dark fields with image_key and rotation_angle per frame',
  groups: {
    instrument: 'NXinstrument',
    'instrument/detector': 'NXdetector',
    'instrument/source': 'NXsource',
    sample: 'NXsample',
    data: 'NXdata',
  },
  roles: {
    detector: {
      classes: ['Detector'],
      names: ['camera', 'detector'],
      send: 'a Detector (the imaging camera)',
    },
    sample: SAMPLE_ROLE,
    source: SOURCE_ROLE,
  },
  items: [
    { ...TITLE, requirement: 'optional' },
    { ...START_TIME, requirement: 'optional' },
    { ...END_TIME, requirement: 'optional' },
    {
      path: 'instrument/detector/data',
      requirement: 'required',
      sources: [
        { from: 'external', role: 'detector', fileField: 'data_file', metadataKey: 'dataset' },
        // Frames uploaded to the gateway (a stream or an array), written into this file.
        { from: 'component', role: 'detector', field: 'data' },
      ],
      send: 'Detector.fields.data_file (the frame file) with extra_metadata.dataset (e.g. "/entry/data/data"), or Detector.fields.data = {"stream": "<name>"} of uploaded frames',
    },
    {
      path: 'instrument/detector/image_key',
      requirement: 'required',
      sources: [
        { from: 'component', role: 'detector', field: 'image_key' },
        { from: 'derived', rule: 'tomo-image-key' },
      ],
      expect: { type: 'int', rank: 1 },
      send: 'Detector.fields.frame_number (a TimeSeries) in each acquisition stage, or Detector.fields.image_key',
    },
    {
      path: 'instrument/detector/x_pixel_size',
      requirement: 'optional',
      sources: [{ from: 'component', role: 'detector', field: 'x_pixel_size' }],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.fields.x_pixel_size',
    },
    {
      path: 'instrument/detector/y_pixel_size',
      requirement: 'optional',
      sources: [{ from: 'component', role: 'detector', field: 'y_pixel_size' }],
      expect: { type: 'float', rank: 0 },
      send: 'Detector.fields.y_pixel_size',
    },
    {
      path: 'instrument/detector/count_time',
      requirement: 'optional',
      sources: [{ from: 'component', role: 'detector', field: 'exposure_time' }],
      expect: { type: 'number', rank: 0 },
      send: 'Detector.fields.exposure_time',
    },
    {
      path: 'instrument/source/name',
      requirement: 'optional',
      sources: [{ from: 'component', role: 'source', field: 'name' }],
      expect: { type: 'text', rank: 0 },
      send: 'StorageRing.fields.name',
    },
    {
      path: 'instrument/source/type',
      requirement: 'optional',
      sources: [{ from: 'constant', value: 'Synchrotron X-ray Source' }],
      send: 'nothing',
    },
    {
      path: 'instrument/source/probe',
      requirement: 'optional',
      sources: [{ from: 'constant', value: 'x-ray' }],
      send: 'nothing',
    },
    SAMPLE_NAME,
    {
      path: 'sample/rotation_angle',
      requirement: 'required',
      sources: [{ from: 'derived', rule: 'tomo-rotation-angle' }],
      expect: { type: 'float', rank: 1 },
      send: 'Sample.positions.rotation_angle (a TimeSeries during each acquisition stage)',
    },
    {
      path: 'data/data',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/detector/data' }],
      send: 'Detector.fields.data_file with extra_metadata.dataset',
    },
    {
      path: 'data/rotation_angle',
      requirement: 'required',
      sources: [{ from: 'item', path: 'sample/rotation_angle' }],
      send: 'Sample.positions.rotation_angle',
    },
    {
      path: 'data/image_key',
      requirement: 'required',
      sources: [{ from: 'item', path: 'instrument/detector/image_key' }],
      send: 'Detector.fields.frame_number or Detector.fields.image_key',
    },
  ],
  plot: {
    group: 'data',
    signal: 'data',
    axes: ['rotation_angle', '.', '.'],
    indices: { rotation_angle: 0, image_key: 0 },
  },
};
