/**
 * A staged scan → the NeXus tree of its file. Pure and deterministic: the same
 * scan gives the same tree whatever the order of `staged.events`.
 *
 * Layout: one NXentry per `<stage>_<moment>`. Entry fields are datasets of the
 * entry; the beamline is `instrument` (NXinstrument) holding every component
 * except samples, which NeXus places directly in the NXentry (NXentry/NXsample),
 * not in the instrument. The scan's metadata is applied to each entry before any
 * event, so a value an event sends for the same item wins (see merge.ts).
 */
import {
  stagedEntryName,
  type ScanMetadata,
  type StagedDeviceEvent,
  type StagedEvent,
  type StagedScan,
} from '#libs/model/src/scan/index.js';
import type { BeamlineJson, ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { RunEndJson } from '#libs/model/src/request-json.js';
import { accumulateReadings } from './accumulate-readings.js';
import { componentNode, fillComponent, nexusChildName, type SampleHome } from './components.js';
import { fieldNode } from './fields.js';
import { finalizeGeometry } from './geometry.js';
import { TreeMerger } from './merge.js';
import type { UploadedData } from './uploaded-data.js';
import { toNexusName } from './nexus-names.js';
import { compareEntryNames, sortEvents } from './ordering.js';
import { dataset, group, joinPath, text, type NxGroupNode } from './tree.js';

export interface BuildScanOptions {
  /** Root `@file_name`: the file's name as readers should see it (usually its final path). */
  fileName: string;
  /** Root `@creator`: the program writing the file, e.g. `assonant-gateway 0.1.0`. */
  creator: string;
  /** Root `@file_time`: ISO 8601 date-time with time zone. */
  fileTime: string;
  /** How the run ended, when its close said so: root `@exit_status` and `@exit_reason`. */
  runEnd?: RunEndJson;
  /** The scan's uploaded arrays and frame streams, which field values may name. */
  uploads?: UploadedData;
}

/** The NXcollection, in the first entry, of uploaded data that no field named. */
export const UNREFERENCED_UPLOADS = 'unreferenced_uploads';

export interface ScanTree {
  root: NxGroupNode;
  /** Everything the mapping changed, replaced or could not express exactly. */
  warnings: string[];
}

export function buildScanTree(staged: StagedScan, opts: BuildScanOptions): ScanTree {
  const ctx = new TreeMerger(opts.uploads);
  const root = group('NXroot');
  root.attrs.set('file_name', text(opts.fileName));
  root.attrs.set('file_time', text(opts.fileTime));
  root.attrs.set('creator', text(opts.creator));
  if (opts.runEnd !== undefined) {
    root.attrs.set('exit_status', text(opts.runEnd.exitStatus));
    if (opts.runEnd.reason !== undefined) root.attrs.set('exit_reason', text(opts.runEnd.reason));
  }
  const pin = staged.scan.schema;
  if (pin !== undefined) {
    // Which beamline schema the events were read with: GET /v1/beamlines/{beamline}/schema?version=N.
    root.attrs.set('beamline_schema', text(`${staged.scan.beamline} version ${pin.version}`));
    root.attrs.set('beamline_schema_sha256', text(pin.sha256));
  }

  const accumulated = accumulateReadings(staged.events);
  for (const warning of accumulated.warnings) ctx.warn(warning);
  const events = sortEvents(accumulated.events);
  const entryNames = [...new Set(events.map(entryNameOf))].sort(compareEntryNames);

  ctx.source = 'scan metadata';
  for (const name of entryNames) ctx.place(root, '/', name, metadataEntry(staged.scan));

  for (const event of events) {
    ctx.source = sourceLabel(event);
    const name = nexusChildName(stagedEntryName(event), '/', ctx);
    const entryPath = joinPath('/', name);
    const entry = group('NXentry');
    if (event.kind === 'entry') placeEntry(entry, entryPath, event.entry, ctx);
    else placeDevice(entry, entryPath, event, ctx);
    ctx.place(root, '/', name, entry);
  }

  finalizeGeometry(root, ctx);
  const first = entryNames[0];
  if (first === undefined) ctx.warn('/: the scan has no events, so the file has no NXentry');
  else root.attrs.set('default', text(first));
  placeUnreferenced(root, first, ctx);
  return { root, warnings: ctx.warnings };
}

function entryNameOf(event: StagedEvent): string {
  return toNexusName(stagedEntryName(event));
}

function sourceLabel(event: StagedEvent): string {
  const at =
    event.kind === 'device' && event.timestamp !== undefined ? ` (${event.timestamp})` : '';
  return `event ${event.eventId}${at}`;
}

/** What the scan itself says about every entry, in NXentry's standard fields. */
function metadataEntry(scan: ScanMetadata): NxGroupNode {
  const entry = group('NXentry');
  const set = (name: string, value: string | undefined): void => {
    if (value !== undefined) entry.children.set(name, dataset(text(value)));
  };
  set('title', scan.title);
  set('start_time', scan.startTime);
  set('experiment_identifier', scan.proposal);
  set('entry_identifier', scan.scanId);
  // Assonant's own name for the entry field, so that an Entry carrying it agrees.
  set('experimental_technique', scan.technique);
  entry.children.set('instrument', group('NXinstrument', [['name', dataset(text(scan.beamline))]]));
  return entry;
}

function placeEntry(
  entry: NxGroupNode,
  entryPath: string,
  source: EntryJson,
  ctx: TreeMerger,
): void {
  for (const [key, field] of Object.entries(source.fields ?? {})) {
    const name = nexusChildName(key, entryPath, ctx);
    ctx.place(entry, entryPath, name, fieldNode(field, joinPath(entryPath, name), ctx));
  }
  placeBeamline(entry, entryPath, source.beamline, ctx);
}

/** The beamline becomes `instrument`; its samples go to the entry itself. */
function placeBeamline(
  entry: NxGroupNode,
  entryPath: string,
  beamline: BeamlineJson | ComponentJson,
  ctx: TreeMerger,
): void {
  const path = joinPath(entryPath, 'instrument');
  const instrument = group('NXinstrument');
  ctx.place(instrument, path, 'name', dataset(text(beamline.name)));
  const samples: SampleHome = { group: entry, path: entryPath };
  fillComponent(instrument, beamline, 'Beamline', path, ctx, samples);
  ctx.place(entry, entryPath, 'instrument', instrument);
}

function placeDevice(
  entry: NxGroupNode,
  entryPath: string,
  event: StagedDeviceEvent,
  ctx: TreeMerger,
): void {
  const device = event.device;
  if (device.class === 'Beamline') {
    placeBeamline(entry, entryPath, device, ctx);
    return;
  }
  const home = device.class === 'Sample' ? entry : group('NXinstrument');
  const homePath = device.class === 'Sample' ? entryPath : joinPath(entryPath, 'instrument');
  const name = nexusChildName(device.name, homePath, ctx);
  ctx.place(home, homePath, name, componentNode(device, joinPath(homePath, name), ctx));
  if (home !== entry) ctx.place(entry, entryPath, 'instrument', home);
}

/**
 * Uploaded data that no field named is written all the same (nothing
 * accepted is lost), in a collection of the first entry, with a warning
 * that says how to place it.
 */
function placeUnreferenced(root: NxGroupNode, first: string | undefined, ctx: TreeMerger): void {
  for (const warning of ctx.uploads.warnings()) ctx.warn(warning);
  const unreferenced = ctx.uploads.unreferenced();
  if (unreferenced.length === 0) return;
  const entryName = first ?? 'entry';
  if (first === undefined) root.children.set(entryName, group('NXentry'));
  const entry = root.children.get(entryName);
  if (entry?.kind !== 'group') return;
  const collection = group('NXcollection');
  ctx.source = 'uploaded data';
  for (const { name, value } of unreferenced) {
    collection.children.set(name, dataset(value));
    ctx.warn(
      `/${entryName}/${UNREFERENCED_UPLOADS}/${name}: ${value.source} was uploaded but no field names it; send it in a field as {"${value.source.startsWith('stream') ? 'stream' : 'array'}": "${name}"} to place it`,
    );
  }
  ctx.place(entry, `/${entryName}`, UNREFERENCED_UPLOADS, collection);
}
