/**
 * A scan's staged events to the tree of its file: parsed as staged, read with
 * the beamline schema the scan pinned, mapped to NeXus, the technique entry
 * added, and the completeness report the schema allows. Everything a write
 * does before HDF5 sees the tree.
 */
import path from 'node:path';
// Not the lib's index: the writer threads need no CSV reader.
import {
  completenessReport,
  indexPinnedSchema,
  resolveStagedScan,
  type SchemaIndex,
} from '#libs/beamline-schema/src/wire-form/index.js';
import { ArraySpool } from '#libs/arrays/src/array-spool.js';
import { uploadedArrays } from '#libs/arrays/src/uploaded-arrays.js';
import { buildScanTree, type NxGroupNode } from '#libs/nexus/src/index.js';
import type { CompletenessReport } from '#libs/model/src/scan/index.js';
import { parseStagedScan } from '#libs/staging/src/index.js';
import { addTechniqueEntry, loadBeamlineOverrides } from '#libs/techniques/src/index.js';
import type { WriteRequest } from './write-request.js';

export interface BuiltScan {
  root: NxGroupNode;
  warnings: string[];
  technique: { entryName: string; definition: string } | undefined;
  completeness?: CompletenessReport;
}

export async function buildScan(request: WriteRequest): Promise<BuiltScan> {
  const parsed = parseStagedScan(request.scan, {
    entries: new Map(request.entries),
    devices: new Map(request.devices),
  });
  const index = pinnedSchema(request);
  const { staged, warnings: schemaWarnings } =
    index === undefined ? { staged: parsed, warnings: [] } : resolveStagedScan(parsed, index);
  const built = buildScanTree(staged, {
    fileName: path.basename(request.finalPath),
    creator: request.creator,
    fileTime: request.fileTime,
    ...(request.scan.runEnd !== undefined ? { runEnd: request.scan.runEnd } : {}),
    ...(request.uploads !== undefined
      ? {
          uploads: uploadedArrays(
            request.uploads.records,
            new ArraySpool(request.uploads.spoolDir),
          ),
        }
      : {}),
  });
  const overrides = await loadBeamlineOverrides(
    request.beamlineOverridesDir,
    request.scan.beamline,
  );
  const technique = addTechniqueEntry(
    built.root,
    staged,
    overrides === undefined ? {} : { overrides },
  );
  const version = request.scan.schema?.version;
  return {
    root: built.root,
    warnings: [...schemaWarnings, ...built.warnings, ...(technique?.warnings ?? [])],
    technique,
    ...(index !== undefined && version !== undefined
      ? { completeness: completenessReport(staged.events, index, version) }
      : {}),
  };
}

/** The schema the scan pinned, built from the rows the main thread loaded; none without a pin. */
function pinnedSchema(request: WriteRequest): SchemaIndex | undefined {
  const { scan, schemaRows } = request;
  if (scan.schema === undefined) return undefined;
  if (schemaRows === undefined) {
    throw new Error(`schema version ${scan.schema.version} of ${scan.beamline} was not loaded`);
  }
  return indexPinnedSchema(scan.beamline, scan.schema.version, schemaRows);
}
