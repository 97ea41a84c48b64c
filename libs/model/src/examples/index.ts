export { EXAMPLE_CREATE_SCAN } from './create-scan.js';
export { EXAMPLE_DEVICE_EVENT } from './device-event.js';
export { EXAMPLE_DEVICE_MONOCHROMATOR } from './device-monochromator.js';
export { EXAMPLE_EXPERIMENT_DONE } from './experiment-done.js';
export { EXAMPLE_MANACA_MX_START } from './manaca-mx-start.js';
export { EXAMPLE_MOGNO_TOMOGRAPHY_DURING } from './mogno-tomography-during.js';
export { EXAMPLE_MOGNO_TOMOGRAPHY_START } from './mogno-tomography-start.js';
