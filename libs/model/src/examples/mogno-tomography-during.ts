import type { EntryJson } from '../assonant-json.js';
import { deepFreeze } from './deep-freeze.js';

/** The MOGNO tomography `sample_acquisition_during` entry: time series of energy, wavelength, ring current, detector frames and the rotation axis. */
export const EXAMPLE_MOGNO_TOMOGRAPHY_DURING: EntryJson = deepFreeze({
  beamline: {
    class: 'Beamline',
    name: 'MOGNO',
    subcomponents: {
      storage_ring: {
        class: 'StorageRing',
        name: 'storage_ring',
        subcomponents: {},
        positions: {},
        fields: {
          current: {
            value: {
              value: [100.2, 100.1, 100.1, 100.0, 100.0, 99.9],
              unit: 'mA',
              extra_metadata: {},
            },
            timestamps: {
              value: [
                1714060800.0, 1714060800.5, 1714060801.0, 1714060801.5, 1714060802.0, 1714060802.5,
              ],
              unit: 's',
              extra_metadata: {},
            },
          },
        },
      },
      monochromator: {
        class: 'Monochromator',
        name: 'monochromator',
        subcomponents: {},
        positions: {},
        fields: {
          energy: {
            value: {
              value: [22.0, 22.001, 21.999, 22.0, 22.002, 22.0],
              unit: 'keV',
              extra_metadata: {
                pv_name: 'MGN:A:DCM:Energy_RBV',
              },
            },
            timestamps: {
              value: [
                1714060800.0, 1714060800.5, 1714060801.0, 1714060801.5, 1714060802.0, 1714060802.5,
              ],
              unit: 's',
              extra_metadata: {
                epoch: '1970-01-01T00:00:00Z',
              },
            },
          },
          wavelength: {
            value: {
              value: [0.56356, 0.56353, 0.56358, 0.56356, 0.56351, 0.56356],
              unit: 'angstrom',
              extra_metadata: {},
            },
            timestamps: {
              value: [
                1714060800.0, 1714060800.5, 1714060801.0, 1714060801.5, 1714060802.0, 1714060802.5,
              ],
              unit: 's',
              extra_metadata: {},
            },
          },
        },
      },
      sample: {
        class: 'Sample',
        name: 'sample',
        subcomponents: {},
        positions: {
          rotation_angle: {
            value: {
              value: {
                value: [0.0, 0.0879, 0.1758, 0.2637, 0.3516, 0.4395],
                unit: 'deg',
                extra_metadata: {
                  pv_name: 'MGN:B:RotStage:Angle_RBV',
                },
              },
              timestamps: {
                value: [
                  1714060800.0, 1714060800.5, 1714060801.0, 1714060801.5, 1714060802.0,
                  1714060802.5,
                ],
                unit: 's',
                extra_metadata: {},
              },
            },
            transformation_type: 'rotation',
          },
        },
        fields: {},
      },
      camera: {
        class: 'Detector',
        name: 'camera',
        subcomponents: {},
        positions: {},
        fields: {
          frame_number: {
            value: {
              value: [0, 1, 2, 3, 4, 5],
              unit: null,
              extra_metadata: {},
            },
            timestamps: {
              value: [
                1714060800.0, 1714060800.5, 1714060801.0, 1714060801.5, 1714060802.0, 1714060802.5,
              ],
              unit: 's',
              extra_metadata: {},
            },
          },
          sensor_temperature: {
            value: {
              value: [5.1, 5.1, 5.2, 5.2, 5.2, 5.3],
              unit: 'degC',
              extra_metadata: {},
            },
            timestamps: {
              value: [
                1714060800.0, 1714060800.5, 1714060801.0, 1714060801.5, 1714060802.0, 1714060802.5,
              ],
              unit: 's',
              extra_metadata: {},
            },
          },
        },
      },
    },
    positions: {},
    fields: {
      name: {
        value: 'MOGNO',
        unit: null,
        extra_metadata: {},
      },
    },
  },
  name: 'sample_acquisition_during',
  fields: {},
});
