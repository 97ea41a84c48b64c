/**
 * A PV snapshot's keys and values (`POST /v1/scans/{scanId}/pvs`): an EPICS
 * or Tango name, and what was read — a value as a DataField holds it, or a
 * series `{value: […], timestamps: […]}` of epoch seconds, one per sample.
 */
import { metadataValueProblem } from './field-value.js';
import { isJsonObject } from './json-object.js';

/** EPICS record and field names, Tango attribute paths: printable ASCII, no spaces. */
const PV_NAME = /^[!-~]{1,256}$/;

export function pvNameProblem(name: unknown): string | undefined {
  return typeof name === 'string' && PV_NAME.test(name)
    ? undefined
    : 'must be a PV name: 1 to 256 printable ASCII characters, no spaces (e.g. MGN:A:DCM:Energy_RBV)';
}

export function pvReadingProblem(reading: unknown): string | undefined {
  if (!isJsonObject(reading)) return metadataValueProblem(reading);
  const keys = Object.keys(reading).sort();
  if (keys.length !== 2 || keys[0] !== 'timestamps' || keys[1] !== 'value') {
    return 'must be a value, or {value: […], timestamps: […]} with nothing else';
  }
  const { value, timestamps } = reading as { value: unknown; timestamps: unknown };
  if (!Array.isArray(value) || value.length === 0)
    return 'value must be a non-empty array of samples';
  const problem = metadataValueProblem(value);
  if (problem !== undefined) return `value ${problem}`;
  if (
    !Array.isArray(timestamps) ||
    !timestamps.every((t) => typeof t === 'bigint' || (typeof t === 'number' && Number.isFinite(t)))
  ) {
    return 'timestamps must be an array of epoch seconds (finite numbers)';
  }
  if (timestamps.length !== value.length) {
    return `timestamps must have one time per sample: ${timestamps.length} times for ${value.length} samples`;
  }
  return undefined;
}
