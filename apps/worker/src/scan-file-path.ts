/** Where a scan's file lives: `<dataRoot>/<beamline>/<proposal>/<scanId>.nxs`. */
import type { ScanMetadata } from '#libs/model/src/scan/index.js';
import path from 'node:path';

export function scanFilePath(dataRoot: string, scan: ScanMetadata): string {
  const root = path.resolve(dataRoot);
  const file = path.resolve(root, scan.beamline, scan.proposal, `${scan.scanId}.nxs`);
  // The names were validated at the gateway; this guards against a staged
  // record that was not (written by another tool, or an older version).
  if (!file.startsWith(root + path.sep)) {
    throw new Error(`scan ${scan.scanId} would be written outside DATA_ROOT`);
  }
  return file;
}

/**
 * The one directory a scan's file may reach through external links: its own
 * beamline's part of DATA_ROOT, so that a file never shows another beamline's data.
 */
export function beamlineRoot(dataRoot: string, scan: ScanMetadata): string {
  return path.resolve(dataRoot, scan.beamline);
}
