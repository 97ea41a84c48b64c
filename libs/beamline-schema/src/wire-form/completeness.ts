/**
 * The completeness report: for each stage and moment the scan has events
 * for, the fields and positions the schema says to collect there (Snapshoted
 * at Exp. Start/end at start and end, Scanned During Exp. during) and which
 * arrived. Items are matched by component name and item name, names being
 * unique in a schema, wherever an event nests the component.
 */
import type { ComponentJson } from '#libs/model/src/assonant-json.js';
import { ACQUISITION_MOMENTS, EXPERIMENT_STAGES, entryName } from '#libs/model/src/naming.js';
import {
  stagedEntryName,
  type CompletenessItem,
  type CompletenessReport,
  type MomentCompleteness,
  type StagedEvent,
} from '#libs/model/src/scan/index.js';
import type { Acquisition, SchemaComponent } from '../schema-types.js';
import type { SchemaIndex } from './schema-index.js';

/** The beamline's own items are keyed under this name. */
const BEAMLINE_KEY = '';

interface Expected {
  component: string;
  item: string;
  path: string;
  pv?: string;
  acquisition: Acquisition;
  row: number;
}

export function completenessReport(
  events: readonly StagedEvent[],
  index: SchemaIndex,
  schemaVersion: number,
): CompletenessReport {
  const expected = expectedItems(index);
  const arrived = new Map<string, Set<string>>();
  for (const event of events) {
    const entry = stagedEntryName(event);
    const seen = arrived.get(entry) ?? new Set<string>();
    arrived.set(entry, seen);
    if (event.kind === 'entry') collect(event.entry.beamline as ComponentJson, true, seen);
    else collect(event.device, event.device.class === 'Beamline', seen);
  }
  const moments: MomentCompleteness[] = [];
  for (const stage of EXPERIMENT_STAGES) {
    if (!ACQUISITION_MOMENTS.some((moment) => arrived.has(entryName(stage, moment)))) continue;
    for (const moment of ACQUISITION_MOMENTS) {
      const entry = entryName(stage, moment);
      const wanted: Acquisition = moment === 'during' ? 'during' : 'snapshot';
      const seen = arrived.get(entry) ?? new Set<string>();
      const items: CompletenessItem[] = expected
        .filter((item) => item.acquisition === wanted)
        .map((item) => ({
          path: item.path,
          ...(item.pv !== undefined ? { pv: item.pv } : {}),
          arrived: seen.has(key(item.component, item.item)),
        }));
      if (items.length === 0) continue;
      const count = items.filter((item) => item.arrived).length;
      moments.push({ entry, expected: items.length, arrived: count, items });
    }
  }
  return { schemaVersion, moments };
}

const key = (component: string, item: string): string => `${component}\u0000${item}`;

function expectedItems(index: SchemaIndex): Expected[] {
  const out: Expected[] = [];
  const visit = (component: SchemaComponent, name: string, prefix: string): void => {
    for (const item of [
      ...Object.values(component.fields),
      ...Object.values(component.positions),
    ]) {
      if (item.acquisition !== 'snapshot' && item.acquisition !== 'during') continue;
      out.push({
        component: name,
        item: item.name,
        path: `${prefix}${item.name}`,
        ...(item.pvName !== undefined ? { pv: item.pvName } : {}),
        acquisition: item.acquisition,
        row: item.row,
      });
    }
    for (const [childName, child] of Object.entries(component.subcomponents)) {
      visit(child, childName, `${prefix}${childName}/`);
    }
  };
  if (index.schema !== undefined) visit(index.schema.beamline, BEAMLINE_KEY, '');
  // In the order of the schema's rows, as the beamline scientist wrote them.
  return out.sort((a, b) => a.row - b.row);
}

function collect(component: ComponentJson, isBeamline: boolean, seen: Set<string>): void {
  const name = isBeamline ? BEAMLINE_KEY : component.name.toLowerCase();
  for (const item of Object.keys(component.fields ?? {})) seen.add(key(name, item));
  for (const item of Object.keys(component.positions ?? {})) seen.add(key(name, item));
  for (const [childName, child] of Object.entries(component.subcomponents ?? {})) {
    collect({ ...child, name: childName }, false, seen);
  }
}
