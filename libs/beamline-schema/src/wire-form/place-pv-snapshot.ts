/**
 * A PV snapshot placed through the scan's pinned schema: each PV becomes the
 * field or position its row names, in its component, with the row's unit,
 * transformation type and a `pv_name` attribute — exactly where an Entry
 * holding the same reading would put it. The result is a device event whose
 * device is the beamline, which the writer places as it places an Entry's.
 */
import type { AxisJson, ComponentJson, FieldJson } from '#libs/model/src/assonant-json.js';
import type { PvSnapshotRequestJson } from '#libs/model/src/request-json.js';
import { didYouMean } from '#libs/model/src/validation/near-miss.js';
import type { SchemaComponent, SchemaField } from '../schema-types.js';
import type { WireProblem } from './resolve-wire-form.js';
import type { PvPlace, SchemaIndex } from './schema-index.js';

export interface PlacedPvEvent {
  stage: PvSnapshotRequestJson['stage'];
  moment: PvSnapshotRequestJson['moment'];
  timestamp?: string;
  eventId?: string;
  device: ComponentJson;
}

export type PvPlacement =
  { ok: true; event: PlacedPvEvent } | { ok: false; problems: WireProblem[] };

const isSeries = (reading: unknown): reading is { value: unknown[]; timestamps: unknown[] } =>
  typeof reading === 'object' && reading !== null && !Array.isArray(reading);

export function placePvSnapshot(body: PvSnapshotRequestJson, index: SchemaIndex): PvPlacement {
  const problems: WireProblem[] = [];
  const beamline: ComponentJson = { class: 'Beamline', name: index.beamlineName };
  const known = index.pvs().map((place) => place.item.pvName ?? '');
  for (const [pv, reading] of Object.entries(body.values)) {
    const path = `values.${pv}`;
    const place = index.pv(pv);
    if (place === undefined) {
      problems.push({
        path,
        message: `${pv} is not in the ${index.beamlineName} schema${didYouMean(pv, known)}; add a row with this PV Name, or send the reading in an Entry or device event`,
      });
      continue;
    }
    if (isSeries(reading) && body.moment !== 'during') {
      problems.push({
        path,
        message: `samples with timestamps belong to a during moment; at ${body.moment} send the one value read`,
      });
      continue;
    }
    put(beamline, place, fieldOf(place.item, reading));
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    event: {
      stage: body.stage,
      moment: body.moment,
      ...(body.timestamp !== undefined ? { timestamp: body.timestamp } : {}),
      ...(body.eventId !== undefined ? { eventId: body.eventId } : {}),
      device: beamline,
    },
  };
}

function fieldOf(item: SchemaField, reading: unknown): FieldJson {
  const data = (value: unknown): FieldJson => ({
    value: value as never,
    ...(item.unit !== undefined ? { unit: item.unit } : {}),
    extra_metadata: { pv_name: item.pvName ?? '' },
  });
  if (!isSeries(reading)) return data(reading);
  return {
    value: data(reading.value) as never,
    timestamps: { value: reading.timestamps as never, unit: 's' },
  };
}

/** Puts the reading in its component, creating the components above it. */
function put(beamline: ComponentJson, place: PvPlace, field: FieldJson): void {
  let at = beamline;
  for (const component of place.chain) at = child(at, component);
  const name = place.item.name;
  if (place.position && 'transformationType' in place.item) {
    const axis: AxisJson = { value: field, transformation_type: place.item.transformationType };
    at.positions = { ...at.positions, [name]: axis };
  } else {
    at.fields = { ...at.fields, [name]: field };
  }
}

function child(parent: ComponentJson, component: SchemaComponent): ComponentJson {
  const existing = parent.subcomponents?.[component.name];
  if (existing !== undefined) return existing;
  const made: ComponentJson = { class: component.class, name: component.name };
  parent.subcomponents = { ...parent.subcomponents, [component.name]: made };
  return made;
}
