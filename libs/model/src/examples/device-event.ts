import type { DeviceEventRequestJson } from '../request-json.js';
import { deepFreeze } from './deep-freeze.js';
import { EXAMPLE_DEVICE_MONOCHROMATOR } from './device-monochromator.js';

/** A ready `POST /v1/scans/{scanId}/devices` body: the monochromator read at the start. */
export const EXAMPLE_DEVICE_EVENT: DeviceEventRequestJson = deepFreeze({
  stage: 'sample_acquisition',
  moment: 'start',
  timestamp: '2024-04-25T16:00:05-03:00',
  eventId: 'mogno-dcm-start-0001',
  device: EXAMPLE_DEVICE_MONOCHROMATOR,
});
