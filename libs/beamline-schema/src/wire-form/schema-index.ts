/** A schema's components by name: names are unique in a schema (build-schema.ts refuses a name twice). */
import { buildSchema } from '../build-schema.js';
import type { NumberedRow } from '../schema-columns.js';
import type {
  BeamlineSchema,
  SchemaComponent,
  SchemaField,
  SchemaPosition,
} from '../schema-types.js';

/** Where a PV's reading goes: the components from the beamline down, and the field or position. */
export interface PvPlace {
  /** The components below the beamline down to the owner (empty: the beamline's own field). */
  chain: SchemaComponent[];
  item: SchemaField | SchemaPosition;
  position: boolean;
}

export interface SchemaIndex {
  beamlineName: string;
  schema: BeamlineSchema | undefined;
  component(name: string): SchemaComponent | undefined;
  pv(name: string): PvPlace | undefined;
  /** Every PV of the schema, in the order of its rows. */
  pvs(): PvPlace[];
}

export function indexSchema(beamlineName: string, schema: BeamlineSchema | undefined): SchemaIndex {
  const byName = new Map<string, SchemaComponent>();
  const byPv = new Map<string, PvPlace>();
  const visit = (component: SchemaComponent, chain: SchemaComponent[]): void => {
    for (const item of Object.values(component.fields)) {
      if (item.pvName !== undefined) byPv.set(item.pvName, { chain, item, position: false });
    }
    for (const item of Object.values(component.positions)) {
      if (item.pvName !== undefined) byPv.set(item.pvName, { chain, item, position: true });
    }
    for (const [name, child] of Object.entries(component.subcomponents)) {
      byName.set(name, child);
      visit(child, [...chain, child]);
    }
  };
  if (schema !== undefined) visit(schema.beamline, []);
  const pvs = [...byPv.values()].sort((a, b) => a.item.row - b.item.row);
  return {
    beamlineName,
    schema,
    component: (name) => byName.get(name.toLowerCase()),
    pv: (name) => byPv.get(name),
    pvs: () => pvs,
  };
}

/** A component's field or position of that name: a reading may be sent as either. */
export function schemaItem(
  component: SchemaComponent | undefined,
  name: string,
): SchemaField | undefined {
  return component?.fields[name] ?? component?.positions[name];
}

/**
 * The index of the stored version a scan pinned, built from its rows. A
 * version was checked when it was stored, so one that no longer builds is an
 * error naming it, not a problem for the sender.
 */
export function indexPinnedSchema(
  beamline: string,
  version: number,
  rows: readonly NumberedRow[],
): SchemaIndex {
  const built = buildSchema(rows);
  if (!built.ok) {
    throw new Error(
      `schema version ${version} of ${beamline} does not build: ${built.problems[0]?.message ?? ''}`,
    );
  }
  return indexSchema(beamline, built.schema);
}
