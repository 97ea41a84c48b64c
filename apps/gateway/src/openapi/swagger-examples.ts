/** Worked examples for every request body in the Swagger UI, from real Assonant payloads. */
import {
  EXAMPLE_CREATE_SCAN,
  EXAMPLE_DEVICE_EVENT,
  EXAMPLE_MANACA_MX_START,
  EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
  EXAMPLE_MOGNO_TOMOGRAPHY_START,
} from '#libs/model/src/index.js';

type Examples = Record<string, { summary: string; value: unknown }>;

export const SWAGGER_EXAMPLES: Record<'createScan' | 'entry' | 'device' | 'pvs', Examples> = {
  createScan: {
    tomography: { summary: 'A CT scan at MOGNO', value: EXAMPLE_CREATE_SCAN },
  },
  entry: {
    mognoStart: {
      summary: 'MOGNO tomography, sample_acquisition_start',
      value: EXAMPLE_MOGNO_TOMOGRAPHY_START,
    },
    mognoDuring: {
      summary: 'MOGNO tomography, sample_acquisition_during (time series)',
      value: EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
    },
    manacaStart: { summary: 'MANACA MX, sample_acquisition_start', value: EXAMPLE_MANACA_MX_START },
  },
  device: {
    monochromator: { summary: 'A monochromator reading at the start', value: EXAMPLE_DEVICE_EVENT },
  },
  pvs: {
    start: {
      summary: 'MOGNO PVs at the start (with the MOGNO schema)',
      value: {
        stage: 'sample_acquisition',
        moment: 'start',
        timestamp: '2024-04-25T16:00:05-03:00',
        values: {
          'MGN:A:DCM:Energy_RBV': 22.0,
          'MGN:A:SLIT1:XGap_RBV': 1.5,
          'MGN:B:SMP:X_RBV': 0.125,
        },
      },
    },
    during: {
      summary: 'The rotation stage during the scan, with its times',
      value: {
        stage: 'sample_acquisition',
        moment: 'during',
        values: {
          'MGN:B:RotStage:Angle_RBV': {
            value: [0.0, 0.5, 1.0],
            timestamps: [1714060800.0, 1714060800.5, 1714060801.0],
          },
        },
      },
    },
  },
};
