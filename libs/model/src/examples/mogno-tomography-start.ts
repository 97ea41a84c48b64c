import type { EntryJson } from '../assonant-json.js';
import { deepFreeze } from './deep-freeze.js';

/** The MOGNO tomography `sample_acquisition_start` entry (Assonant 2.7.1 payload, `class` keys added). */
export const EXAMPLE_MOGNO_TOMOGRAPHY_START: EntryJson = deepFreeze({
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
            value: 100.2,
            unit: 'mA',
            extra_metadata: {
              pv_name: 'SI-Glob:AP-CurrInfo:Current-Mon',
            },
          },
          energy: {
            value: 3.0,
            unit: 'GeV',
            extra_metadata: {},
          },
        },
      },
      monochromator: {
        class: 'Monochromator',
        name: 'monochromator',
        subcomponents: {
          crystal_1: {
            class: 'MonochromatorCrystal',
            name: 'crystal_1',
            subcomponents: {},
            positions: {
              bragg: {
                value: {
                  value: 5.1569,
                  unit: 'deg',
                  extra_metadata: {
                    pv_name: 'MGN:A:DCM:Bragg_RBV',
                  },
                },
                transformation_type: 'rotation',
              },
            },
            fields: {
              reflection: {
                value: 'Si(111)',
                unit: null,
                extra_metadata: {},
              },
              d_spacing: {
                value: 3.1356,
                unit: 'angstrom',
                extra_metadata: {},
              },
            },
          },
        },
        positions: {},
        fields: {
          energy: {
            value: 22.0,
            unit: 'keV',
            extra_metadata: {
              pv_name: 'MGN:A:DCM:Energy_RBV',
            },
          },
          wavelength: {
            value: 0.56356,
            unit: 'angstrom',
            extra_metadata: {
              pv_name: 'MGN:A:DCM:Wavelength_RBV',
            },
          },
        },
      },
      slit_1: {
        class: 'Slit',
        name: 'slit_1',
        subcomponents: {},
        positions: {},
        fields: {
          x_gap: {
            value: 2.5,
            unit: 'mm',
            extra_metadata: {},
          },
          y_gap: {
            value: 1.2,
            unit: 'mm',
            extra_metadata: {},
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
              value: 0.0,
              unit: 'deg',
              extra_metadata: {
                pv_name: 'MGN:B:RotStage:Angle_RBV',
                stage: 'air-bearing rotation stage',
              },
            },
            transformation_type: 'rotation',
          },
          x: {
            value: {
              value: 0.125,
              unit: 'mm',
              extra_metadata: {},
            },
            transformation_type: 'translation',
          },
          y: {
            value: {
              value: -0.04,
              unit: 'mm',
              extra_metadata: {},
            },
            transformation_type: 'translation',
          },
          z: {
            value: {
              value: 12.5,
              unit: 'mm',
              extra_metadata: {},
            },
            transformation_type: 'translation',
          },
        },
        fields: {
          name: {
            value: 'rock_core_A3',
            unit: null,
            extra_metadata: {},
          },
          description: {
            value: 'sandstone core, 4 mm diameter',
            unit: null,
            extra_metadata: {},
          },
        },
      },
      camera: {
        class: 'Detector',
        name: 'camera',
        subcomponents: {},
        positions: {
          camera_distance: {
            value: {
              value: 35.0,
              unit: 'mm',
              extra_metadata: {},
            },
            transformation_type: 'translation',
          },
        },
        fields: {
          model: {
            value: 'PCO.edge 4.2',
            unit: null,
            extra_metadata: {},
          },
          exposure_time: {
            value: 0.025,
            unit: 's',
            extra_metadata: {
              pv_name: 'MGN:B:CAM:AcquireTime_RBV',
            },
          },
          number_of_projections: {
            value: 2048,
            unit: null,
            extra_metadata: {},
          },
          number_of_flats: {
            value: 20,
            unit: null,
            extra_metadata: {},
          },
          number_of_darks: {
            value: 20,
            unit: null,
            extra_metadata: {},
          },
          x_pixel_size: {
            value: 0.65,
            unit: 'um',
            extra_metadata: {
              objective: '10x',
            },
          },
          y_pixel_size: {
            value: 0.65,
            unit: 'um',
            extra_metadata: {
              objective: '10x',
            },
          },
          image_shape: {
            value: [2048, 2048],
            unit: 'pixel',
            extra_metadata: {},
          },
          bit_depth: {
            value: 16,
            unit: null,
            extra_metadata: {},
          },
          data_file: {
            value:
              '/ibira/lnls/beamlines/mogno/proposals/20240123/data/rock_core_A3/projections.h5',
            unit: null,
            extra_metadata: {
              dataset: '/entry/data/data',
              frames: 2048,
            },
          },
          dark_field_mean: {
            value: [
              [101, 99, 100, 102],
              [98, 100, 101, 99],
              [100, 100, 99, 101],
              [102, 98, 100, 100],
            ],
            unit: 'counts',
            extra_metadata: {},
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
  name: 'sample_acquisition_start',
  fields: {
    proposal_id: {
      value: '20240123',
      unit: null,
      extra_metadata: {},
    },
    experimental_technique: {
      value: 'CT',
      unit: null,
      extra_metadata: {},
    },
    start_time: {
      value: '2024-04-25T16:00:00-03:00',
      unit: null,
      extra_metadata: {},
    },
  },
});
