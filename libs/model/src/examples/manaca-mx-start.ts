import type { EntryJson } from '../assonant-json.js';
import { deepFreeze } from './deep-freeze.js';

/** The MANACA MX `sample_acquisition_start` entry: goniometer axes are positions of the Sample. */
export const EXAMPLE_MANACA_MX_START: EntryJson = deepFreeze({
  beamline: {
    class: 'Beamline',
    name: 'MANACA',
    subcomponents: {
      undulator: {
        class: 'Undulator',
        name: 'undulator',
        subcomponents: {},
        positions: {},
        fields: {
          gap: {
            value: 9.85,
            unit: 'mm',
            extra_metadata: {},
          },
        },
      },
      beam: {
        class: 'Beam',
        name: 'beam',
        subcomponents: {},
        positions: {},
        fields: {
          incident_energy: {
            value: 12.7,
            unit: 'keV',
            extra_metadata: {},
          },
          incident_wavelength: {
            value: 0.97625,
            unit: 'angstrom',
            extra_metadata: {},
          },
          flux: {
            value: 1200000000000.0,
            unit: 'photons/s',
            extra_metadata: {},
          },
          size_x: {
            value: 20.0,
            unit: 'um',
            extra_metadata: {},
          },
          size_y: {
            value: 15.0,
            unit: 'um',
            extra_metadata: {},
          },
        },
      },
      attenuator: {
        class: 'Attenuator',
        name: 'attenuator',
        subcomponents: {},
        positions: {},
        fields: {
          transmission: {
            value: 0.25,
            unit: null,
            extra_metadata: {},
          },
          filter_material: {
            value: 'Al',
            unit: null,
            extra_metadata: {},
          },
          filter_thickness: {
            value: 0.2,
            unit: 'mm',
            extra_metadata: {},
          },
        },
      },
      cryojet: {
        class: 'Cryojet',
        name: 'cryojet',
        subcomponents: {},
        positions: {},
        fields: {
          temperature: {
            value: 100.0,
            unit: 'K',
            extra_metadata: {
              pv_name: 'MNC:B:CRYO:Temp_RBV',
            },
          },
        },
      },
      dewar: {
        class: 'Dewar',
        name: 'dewar',
        subcomponents: {},
        positions: {},
        fields: {
          puck: {
            value: 'A',
            unit: null,
            extra_metadata: {},
          },
          pin_position: {
            value: 3,
            unit: null,
            extra_metadata: {},
          },
        },
      },
      sample: {
        class: 'Sample',
        name: 'sample',
        subcomponents: {},
        positions: {
          omega: {
            value: {
              value: 0.0,
              unit: 'deg',
              extra_metadata: {
                pv_name: 'MNC:B:GONIO:Omega_RBV',
              },
            },
            transformation_type: 'rotation',
          },
          kappa: {
            value: {
              value: 0.0,
              unit: 'deg',
              extra_metadata: {},
            },
            transformation_type: 'rotation',
          },
          phi: {
            value: {
              value: 45.0,
              unit: 'deg',
              extra_metadata: {},
            },
            transformation_type: 'rotation',
          },
          x: {
            value: {
              value: 0.012,
              unit: 'mm',
              extra_metadata: {},
            },
            transformation_type: 'translation',
          },
          y: {
            value: {
              value: -0.003,
              unit: 'mm',
              extra_metadata: {},
            },
            transformation_type: 'translation',
          },
          z: {
            value: {
              value: 0.02,
              unit: 'mm',
              extra_metadata: {},
            },
            transformation_type: 'translation',
          },
        },
        fields: {
          name: {
            value: 'lysozyme_xtal_03',
            unit: null,
            extra_metadata: {},
          },
          space_group: {
            value: 'P43212',
            unit: null,
            extra_metadata: {},
          },
          unit_cell: {
            value: [79.1, 79.1, 38.0, 90.0, 90.0, 90.0],
            unit: null,
            extra_metadata: {
              units: 'angstrom, deg',
            },
          },
        },
      },
      pilatus: {
        class: 'Detector',
        name: 'pilatus',
        subcomponents: {},
        positions: {
          detector_distance: {
            value: {
              value: 250.0,
              unit: 'mm',
              extra_metadata: {
                pv_name: 'MNC:B:DET:Z_RBV',
              },
            },
            transformation_type: 'translation',
          },
        },
        fields: {
          model: {
            value: 'PILATUS3 2M',
            unit: null,
            extra_metadata: {},
          },
          exposure_time: {
            value: 0.1,
            unit: 's',
            extra_metadata: {},
          },
          oscillation_width: {
            value: 0.1,
            unit: 'deg',
            extra_metadata: {},
          },
          number_of_images: {
            value: 3600,
            unit: null,
            extra_metadata: {},
          },
          beam_center_x: {
            value: 737.5,
            unit: 'pixel',
            extra_metadata: {},
          },
          beam_center_y: {
            value: 842.1,
            unit: 'pixel',
            extra_metadata: {},
          },
          x_pixel_size: {
            value: 0.172,
            unit: 'mm',
            extra_metadata: {},
          },
          y_pixel_size: {
            value: 0.172,
            unit: 'mm',
            extra_metadata: {},
          },
          sensor_material: {
            value: 'Si',
            unit: null,
            extra_metadata: {},
          },
          sensor_thickness: {
            value: 1.0,
            unit: 'mm',
            extra_metadata: {},
          },
          threshold_energy: {
            value: 6.35,
            unit: 'keV',
            extra_metadata: {},
          },
          data_file: {
            value: '/ibira/lnls/beamlines/manaca/proposals/20240456/data/lyso_03/lyso_03_master.h5',
            unit: null,
            extra_metadata: {},
          },
        },
      },
    },
    positions: {},
    fields: {
      name: {
        value: 'MANACA',
        unit: null,
        extra_metadata: {},
      },
    },
  },
  name: 'sample_acquisition_start',
  fields: {
    proposal_id: {
      value: '20240456',
      unit: null,
      extra_metadata: {},
    },
    experimental_technique: {
      value: 'MX',
      unit: null,
      extra_metadata: {},
    },
  },
});
