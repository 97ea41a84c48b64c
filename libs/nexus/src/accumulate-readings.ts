/**
 * Readings that become logs. Control software sends one reading at a time;
 * in a `during` moment, the readings of one field that carry their times (a
 * device event's `timestamp`, a TimeSeries' timestamps) are one series, not
 * a value and its superseded copies. Every item (a field or a position of one
 * component of one entry) that two or more timed events carry becomes one
 * TimeSeries, its samples in time order whatever the order of arrival:
 *
 * - equal times with equal values are one sample;
 * - equal times with other values are all kept, in order of eventId, with a
 *   warning;
 * - an item where any reading has no time, or the readings disagree on the
 *   unit, keeps the rule of snapshots (the latest wins, the rest superseded).
 *
 * The item leaves the events it came in, and one event carries the series,
 * so the tree gets it once. Pure; linear in the readings but for the sort.
 */
import type {
  AxisJson,
  ComponentJson,
  DataFieldJson,
  FieldJson,
  FieldValue,
  TimeSeriesJson,
} from '#libs/model/src/assonant-json.js';
import { isTimeSeries } from '#libs/model/src/assonant-json.js';
import { isBinaryReference } from '#libs/model/src/rules/binary-reference.js';
import type { ExperimentStage } from '#libs/model/src/naming.js';
import {
  stagedEntryName,
  type StagedDeviceEvent,
  type StagedEvent,
} from '#libs/model/src/scan/index.js';
import { isoToEpochNanos } from './iso-time.js';

const DURING = '_during';

/**
 * An item's readings, as columns (a scan may hold hundreds of thousands of
 * readings: no object per reading).
 */
interface Item {
  entry: string;
  /** The name of the beamline the readings came under (for the beamline's own items). */
  beamlineName: string;
  /** The components from the beamline down to the one holding the item. */
  chain: { name: string; class: ComponentJson['class'] }[];
  kind: 'fields' | 'positions';
  name: string;
  /** The first reading's DataField (its unit and attributes go to the series) and axis. */
  first: DataFieldJson;
  axis?: Omit<AxisJson, 'value'>;
  /** How many events carry the item. */
  events: number;
  times: number[];
  values: FieldValue[];
  eventIds: string[];
  /** A reading without a time, or in another unit: the item stays as it is. */
  stays: boolean;
  /** Set once its readings are one series: it leaves the events it came in. */
  accumulated?: boolean;
}

export interface AccumulatedReadings {
  events: StagedEvent[];
  warnings: string[];
}

/** The items of one component of one entry, by kind and name. */
interface ComponentItems {
  fields: Map<string, Item>;
  positions: Map<string, Item>;
}

/** Entry name → component path (`/monochromator/crystal_1`, '' for the beamline) → its items. */
type ItemIndex = Map<string, Map<string, ComponentItems>>;

export function accumulateReadings(events: readonly StagedEvent[]): AccumulatedReadings {
  // Looked up per component, then by the item's own short name: a scan may
  // hold hundreds of thousands of readings.
  const index: ItemIndex = new Map();
  const items: Item[] = [];
  // In time order, so that single readings arrive at each item sorted and
  // need no sort of their own (one sort of the events, not one per item).
  for (const { event, time } of byTime(events)) {
    const entry = stagedEntryName(event);
    if (!entry.endsWith(DURING)) continue;
    const components = componentsOf(index, entry);
    const root = event.kind === 'entry' ? event.entry.beamline : event.device;
    const visit = (component: ComponentJson, chain: Item['chain'], prefix: string): void => {
      let here = components.get(prefix);
      if (here === undefined) {
        here = { fields: new Map(), positions: new Map() };
        components.set(prefix, here);
      }
      for (const kind of ['fields', 'positions'] as const) {
        const held = component[kind];
        if (held === undefined) continue;
        const byName = here[kind];
        for (const name of Object.keys(held)) {
          const axis = kind === 'positions' ? (held[name] as AxisJson) : undefined;
          const field = axis !== undefined ? axis.value : (held[name] as FieldJson);
          let item = byName.get(name);
          if (item === undefined) {
            item = newItem(entry, root.name, chain, kind, name, field, axis);
            byName.set(name, item);
            items.push(item);
          }
          addReading(item, event.eventId, field, time);
        }
      }
      for (const child of Object.values(component.subcomponents ?? {})) {
        visit(
          child,
          [...chain, { name: child.name, class: child.class }],
          `${prefix}/${child.name}`,
        );
      }
    };
    if (event.kind === 'entry' || event.device.class === 'Beamline') {
      visit(root as ComponentJson, [], '');
    } else {
      visit(
        event.device,
        [{ name: event.device.name, class: event.device.class }],
        `/${event.device.name}`,
      );
    }
  }

  const warnings: string[] = [];
  const added: StagedEvent[] = [];
  for (const item of items) {
    const series = seriesOf(item, warnings);
    if (series === undefined) continue;
    item.accumulated = true;
    added.push(seriesEvent(item, series, added.length));
  }
  if (added.length === 0) return { events: [...events], warnings };
  const kept: StagedEvent[] = [];
  for (const event of events) {
    const components = index.get(stagedEntryName(event));
    if (components === undefined) {
      kept.push(event);
      continue;
    }
    // A reading whose every item went to a series has nothing left to place:
    // its components are in the series events too.
    const left = withoutAccumulated(event, components);
    if (left !== undefined) kept.push(left);
  }
  return { events: [...kept, ...added], warnings };
}

function componentsOf(index: ItemIndex, entry: string): Map<string, ComponentItems> {
  let components = index.get(entry);
  if (components === undefined) {
    components = new Map();
    index.set(entry, components);
  }
  return components;
}

/** The events with device readings of a during moment first, by time then eventId. */
function byTime(
  events: readonly StagedEvent[],
): { event: StagedEvent; time: number | undefined }[] {
  const timed = events.map((event) => ({
    event,
    time: event.kind === 'device' ? eventTime(event) : undefined,
  }));
  timed.sort(
    (a, b) =>
      (a.time ?? -Infinity) - (b.time ?? -Infinity) || compareIds(a.event.eventId, b.event.eventId),
  );
  return timed;
}

function eventTime(event: StagedDeviceEvent): number | undefined {
  if (event.timestamp === undefined) return undefined;
  const nanos = isoToEpochNanos(event.timestamp);
  return nanos === undefined ? undefined : Number(nanos) / 1e9;
}

function newItem(
  entry: string,
  beamlineName: string,
  chain: Item['chain'],
  kind: Item['kind'],
  name: string,
  field: FieldJson,
  axis: AxisJson | undefined,
): Item {
  const item: Item = {
    entry,
    beamlineName,
    chain,
    kind,
    name,
    first: isTimeSeries(field) ? field.value : field,
    events: 0,
    times: [],
    values: [],
    eventIds: [],
    stays: false,
  };
  if (axis !== undefined) item.axis = axisMeta(axis);
  return item;
}

function addReading(item: Item, eventId: string, field: FieldJson, time: number | undefined): void {
  item.events += 1;
  if (item.stays) return;
  const data = isTimeSeries(field) ? field.value : field;
  if ((data.unit ?? null) !== (item.first.unit ?? null)) {
    item.stays = true;
    return;
  }
  if (!isTimeSeries(field)) {
    // Uploaded data is not stacked into a series: each reading keeps its own.
    if (time === undefined || isBinaryReference(field.value)) item.stays = true;
    else {
      item.times.push(time);
      item.values.push(field.value);
      item.eventIds.push(eventId);
    }
    return;
  }
  const values = data.value;
  const times = field.timestamps.value;
  if (!Array.isArray(values) || !Array.isArray(times) || values.length !== times.length) {
    item.stays = true;
    return;
  }
  for (let at = 0; at < values.length; at += 1) {
    const stamp = times[at];
    if (typeof stamp !== 'number' && typeof stamp !== 'bigint') {
      item.stays = true;
      return;
    }
    item.times.push(Number(stamp));
    item.values.push(values[at] as FieldValue);
    item.eventIds.push(eventId);
  }
}

function axisMeta(axis: AxisJson): Omit<AxisJson, 'value'> {
  const meta: Omit<AxisJson, 'value'> = { ...axis };
  delete (meta as Partial<AxisJson>).value;
  return meta;
}

/** The item's readings as one TimeSeries, or undefined when they stay as they are. */
function seriesOf(item: Item, warnings: string[]): TimeSeriesJson | undefined {
  if (item.events < 2 || item.stays) return undefined;
  const { times, values, eventIds } = item;
  const order = timeOrder(times, eventIds);
  const keptTimes: number[] = [];
  const keptValues: FieldValue[] = [];
  let clashes = 0;
  for (let n = 0; n < times.length; n += 1) {
    const at = order === undefined ? n : (order[n] as number);
    const time = times[at] as number;
    const value = values[at] as FieldValue;
    const last = keptTimes.length - 1;
    if (last >= 0 && keptTimes[last] === time) {
      if (sameValue(keptValues[last] as FieldValue, value)) continue;
      clashes += 1;
    }
    keptTimes.push(time);
    keptValues.push(value);
  }
  if (clashes > 0) {
    warnings.push(
      `${pathOf(item)}: ${clashes} reading(s) at a time that already has another value; all are kept, in order of eventId`,
    );
  }
  return {
    value: { ...item.first, value: keptValues },
    timestamps: { value: keptTimes, unit: 's' },
  };
}

/** The readings' indices in time order, then eventId; no sort when they came in order. */
function timeOrder(times: readonly number[], eventIds: readonly string[]): number[] | undefined {
  let sorted = true;
  for (let at = 1; at < times.length && sorted; at += 1) {
    const a = times[at - 1] as number;
    const b = times[at] as number;
    sorted = a < b || (a === b && (eventIds[at - 1] as string) <= (eventIds[at] as string));
  }
  if (sorted) return undefined;
  const order = Array.from(times.keys());
  return order.sort(
    (a, b) =>
      (times[a] as number) - (times[b] as number) ||
      compareIds(eventIds[a] as string, eventIds[b] as string),
  );
}

/** The event that carries an item's series, at the item's place. */
function seriesEvent(item: Item, series: TimeSeriesJson, index: number): StagedDeviceEvent {
  const { axis } = item;
  const held: FieldJson | AxisJson = axis === undefined ? series : { ...axis, value: series };
  let component: ComponentJson = {
    class: item.chain[item.chain.length - 1]?.class ?? 'Beamline',
    name: item.chain[item.chain.length - 1]?.name ?? '',
    [item.kind]: { [item.name]: held },
  };
  for (let at = item.chain.length - 2; at >= 0; at -= 1) {
    const parent = item.chain[at];
    if (parent === undefined) break;
    component = {
      class: parent.class,
      name: parent.name,
      subcomponents: { [component.name]: component },
    };
  }
  return {
    kind: 'device',
    // `~` is never in a client's eventId, so this one cannot clash.
    eventId: `~readings-${index}`,
    stage: item.entry.slice(0, -DURING.length) as ExperimentStage,
    moment: 'during',
    device: item.chain.length === 0 ? { ...component, name: item.beamlineName } : component,
  };
}

function pathOf(item: Item): string {
  return [item.entry, ...item.chain.map((c) => c.name), item.name].join('/');
}

/** What holds items: a component, or an Entry's beamline (whose class may be left out). */
type Holder = Pick<ComponentJson, 'fields' | 'positions' | 'subcomponents'>;

/**
 * The event without the items that moved to a series (copied along their
 * paths only), or undefined when nothing is left in it.
 */
function withoutAccumulated(
  event: StagedEvent,
  components: ReadonlyMap<string, ComponentItems>,
): StagedEvent | undefined {
  let left = 0;
  const strip = <T extends Holder>(component: T, prefix: string): T => {
    const here = components.get(prefix);
    const out: T = { ...component };
    if (component.fields !== undefined) {
      out.fields = Object.fromEntries(
        Object.entries(component.fields).filter(
          ([name]) => here?.fields.get(name)?.accumulated !== true,
        ),
      );
      left += Object.keys(out.fields).length;
    }
    if (component.positions !== undefined) {
      out.positions = Object.fromEntries(
        Object.entries(component.positions).filter(
          ([name]) => here?.positions.get(name)?.accumulated !== true,
        ),
      );
      left += Object.keys(out.positions).length;
    }
    if (component.subcomponents !== undefined) {
      out.subcomponents = Object.fromEntries(
        Object.entries(component.subcomponents).map(([key, child]) => [
          key,
          strip(child, `${prefix}/${child.name}`),
        ]),
      );
    }
    return out;
  };
  if (event.kind === 'entry') {
    const beamline = strip(event.entry.beamline, '');
    const fields = Object.keys(event.entry.fields ?? {}).length;
    return left + fields === 0 ? undefined : { ...event, entry: { ...event.entry, beamline } };
  }
  const prefix = event.device.class === 'Beamline' ? '' : `/${event.device.name}`;
  const device = strip(event.device, prefix);
  return left === 0 ? undefined : { ...event, device };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'number' || typeof a === 'bigint') {
    return (typeof b === 'number' || typeof b === 'bigint') && Number(a) === Number(b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, at) => sameValue(item, b[at] as FieldValue));
  }
  return a === b;
}
