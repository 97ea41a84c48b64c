/** Worked examples for every request body in the Swagger UI, from real Assonant payloads. */
import {
  EXAMPLE_CREATE_SCAN,
  EXAMPLE_DEVICE_EVENT,
  EXAMPLE_MANACA_MX_START,
  EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
  EXAMPLE_MOGNO_TOMOGRAPHY_START,
} from '#libs/model/src/index.js';

type Examples = Record<string, { summary: string; value: unknown }>;

export const SWAGGER_EXAMPLES: Record<'createScan' | 'entry' | 'device', Examples> = {
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
};
