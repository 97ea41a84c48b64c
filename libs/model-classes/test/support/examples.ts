import { Component } from '../../src/classes/component.js';
import { CreateScanRequest } from '../../src/classes/create-scan-request.js';
import { DeviceEventRequest } from '../../src/classes/device-event-request.js';
import { Entry } from '../../src/classes/entry.js';
import { ExperimentDone } from '../../src/classes/experiment-done.js';
import {
  EXAMPLE_CREATE_SCAN,
  EXAMPLE_DEVICE_EVENT,
  EXAMPLE_DEVICE_MONOCHROMATOR,
  EXAMPLE_EXPERIMENT_DONE,
  EXAMPLE_MANACA_MX_START,
  EXAMPLE_MOGNO_TOMOGRAPHY_DURING,
  EXAMPLE_MOGNO_TOMOGRAPHY_START,
} from '#libs/model/src/examples/index.js';

export interface Example {
  readonly name: string;
  readonly cls: new () => object;
  readonly body: unknown;
}

/** Every example payload with the class it is a body of. */
export const EXAMPLES: readonly Example[] = [
  { name: 'MOGNO tomography start', cls: Entry, body: EXAMPLE_MOGNO_TOMOGRAPHY_START },
  { name: 'MOGNO tomography during', cls: Entry, body: EXAMPLE_MOGNO_TOMOGRAPHY_DURING },
  { name: 'MANACA MX start', cls: Entry, body: EXAMPLE_MANACA_MX_START },
  { name: 'monochromator device', cls: Component, body: EXAMPLE_DEVICE_MONOCHROMATOR },
  { name: 'device event', cls: DeviceEventRequest, body: EXAMPLE_DEVICE_EVENT },
  { name: 'create scan', cls: CreateScanRequest, body: EXAMPLE_CREATE_SCAN },
  { name: 'experiment done', cls: ExperimentDone, body: EXAMPLE_EXPERIMENT_DONE },
];
