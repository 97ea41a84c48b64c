import type { ComponentJson } from '../assonant-json.js';
import { deepFreeze } from './deep-freeze.js';

/** A bare monochromator snapshot (a Component, not an Entry): one null value, one unit-less string. */
export const EXAMPLE_DEVICE_MONOCHROMATOR: ComponentJson = deepFreeze({
  class: 'Monochromator',
  name: 'monochromator',
  subcomponents: {},
  positions: {
    bragg: {
      value: {
        value: 2.9085,
        unit: 'deg',
        extra_metadata: {},
      },
      transformation_type: 'rotation',
    },
    perpendicular: {
      value: {
        value: 12.2,
        unit: 'mm',
        extra_metadata: {},
      },
      transformation_type: 'translation',
    },
  },
  fields: {
    energy: {
      value: 39.0,
      unit: 'keV',
      extra_metadata: {
        pv_name: 'MGN:A:DCM:Energy_RBV',
      },
    },
    mode: {
      value: 'monochromatic',
      unit: null,
      extra_metadata: {},
    },
    in_position: {
      value: null,
      unit: null,
      extra_metadata: {},
    },
  },
});
