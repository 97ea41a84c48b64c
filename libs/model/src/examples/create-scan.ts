import type { CreateScanRequestJson } from '../request-json.js';
import { deepFreeze } from './deep-freeze.js';

/** A ready `POST /v1/scans` body for the MOGNO tomography of the other examples. */
export const EXAMPLE_CREATE_SCAN: CreateScanRequestJson = deepFreeze({
  beamline: 'MOGNO',
  proposal: '20240123',
  technique: 'CT',
  title: 'Sandstone core A3, 10x objective',
  scanId: 'mogno-20240123-0001',
  startTime: '2024-04-25T16:00:00-03:00',
});
