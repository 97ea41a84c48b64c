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
import type { ExperimentStage } from '#libs/model/src/naming.js';
import type { StagedDeviceEvent, StagedEvent } from '#libs/model/src/scan/index.js';
import { isoToEpochNanos } from './iso-time.js';

const DURING = '_during';

interface Sample {
  time: number;
  value: FieldValue;
  eventId: string;
}

interface Contribution {
  eventIndex: number;
  eventId: string;
  /** Undefined when the reading has no time: the item then stays as it is. */
  samples: Sample[] | undefined;
  field: DataFieldJson;
  axis?: Omit<AxisJson, 'value'>;
}

interface Item {
  entry: string;
  /** The name of the beamline the readings came under (for the beamline's own items). */
  beamlineName: string;
  /** The components from the beamline down to the one holding the item. */
  chain: { name: string; class: ComponentJson['class'] }[];
  kind: 'fields' | 'positions';
  name: string;
  contributions: Contribution[];
}

export interface AccumulatedReadings {
  events: StagedEvent[];
  warnings: string[];
}

export function accumulateReadings(events: readonly StagedEvent[]): AccumulatedReadings {
  const items = new Map<string, Item>();
  events.forEach((event, eventIndex) => {
    const entry = entryOf(event);
    if (!entry.endsWith(DURING)) return;
    const time = event.kind === 'device' ? eventTime(event) : undefined;
    const root = event.kind === 'entry' ? event.entry.beamline : event.device;
    const visit = (component: ComponentJson, chain: Item['chain']): void => {
      for (const kind of ['fields', 'positions'] as const) {
        for (const [name, held] of Object.entries(component[kind] ?? {})) {
          const axis = kind === 'positions' ? (held as AxisJson) : undefined;
          const field = axis !== undefined ? axis.value : (held as FieldJson);
          const key = [entry, ...chain.map((c) => c.name), kind, name].join('\u0000');
          const item = items.get(key) ?? {
            entry,
            beamlineName: root.name,
            chain,
            kind,
            name,
            contributions: [],
          };
          items.set(key, item);
          item.contributions.push(contributionOf(eventIndex, event.eventId, field, time, axis));
        }
      }
      for (const child of Object.values(component.subcomponents ?? {})) {
        visit(child, [...chain, { name: child.name, class: child.class }]);
      }
    };
    if (event.kind === 'entry' || event.device.class === 'Beamline') {
      visit(root as ComponentJson, []);
    } else {
      visit(event.device, [{ name: event.device.name, class: event.device.class }]);
    }
  });

  const warnings: string[] = [];
  const removed = new Map<number, Set<string>>();
  const added: StagedEvent[] = [];
  for (const item of items.values()) {
    const series = seriesOf(item, warnings);
    if (series === undefined) continue;
    for (const contribution of item.contributions) {
      const gone = removed.get(contribution.eventIndex) ?? new Set<string>();
      removed.set(contribution.eventIndex, gone);
      gone.add(relativeKey(item));
    }
    added.push(seriesEvent(item, series, added.length));
  }
  if (added.length === 0) return { events: [...events], warnings };
  const kept = events.map((event, index) => {
    const gone = removed.get(index);
    return gone === undefined ? event : withoutItems(event, gone);
  });
  return { events: [...kept, ...added], warnings };
}

function entryOf(event: StagedEvent): string {
  return event.kind === 'entry' ? event.entry.name : `${event.stage}_${event.moment}`;
}

function eventTime(event: StagedDeviceEvent): number | undefined {
  if (event.timestamp === undefined) return undefined;
  const nanos = isoToEpochNanos(event.timestamp);
  return nanos === undefined ? undefined : Number(nanos) / 1e9;
}

function contributionOf(
  eventIndex: number,
  eventId: string,
  field: FieldJson,
  time: number | undefined,
  axis: AxisJson | undefined,
): Contribution {
  const shape = axis === undefined ? {} : { axis: axisMeta(axis) };
  if (isTimeSeries(field)) {
    const values = field.value.value;
    const times = field.timestamps.value;
    const timed =
      Array.isArray(values) &&
      Array.isArray(times) &&
      values.length === times.length &&
      times.every((t) => typeof t === 'number' || typeof t === 'bigint');
    return {
      eventIndex,
      eventId,
      samples: timed
        ? values.map((value, at) => ({ time: Number(times[at]), value, eventId }))
        : undefined,
      field: field.value,
      ...shape,
    };
  }
  return {
    eventIndex,
    eventId,
    samples: time === undefined ? undefined : [{ time, value: field.value, eventId }],
    field,
    ...shape,
  };
}

function axisMeta(axis: AxisJson): Omit<AxisJson, 'value'> {
  const meta: Omit<AxisJson, 'value'> = { ...axis };
  delete (meta as Partial<AxisJson>).value;
  return meta;
}

/** The item's readings as one TimeSeries, or undefined when they stay as they are. */
function seriesOf(item: Item, warnings: string[]): TimeSeriesJson | undefined {
  const { contributions } = item;
  if (contributions.length < 2) return undefined;
  const first = contributions[0];
  if (first === undefined) return undefined;
  if (contributions.some((c) => c.samples === undefined)) return undefined;
  if (contributions.some((c) => (c.field.unit ?? null) !== (first.field.unit ?? null))) {
    return undefined;
  }
  const samples = contributions.flatMap((c) => c.samples ?? []);
  samples.sort((a, b) => a.time - b.time || compareIds(a.eventId, b.eventId));
  const kept: Sample[] = [];
  let clashes = 0;
  for (const sample of samples) {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && previous.time === sample.time) {
      if (sameValue(previous.value, sample.value)) continue;
      clashes += 1;
    }
    kept.push(sample);
  }
  if (clashes > 0) {
    warnings.push(
      `${pathOf(item)}: ${clashes} reading(s) at a time that already has another value; all are kept, in order of eventId`,
    );
  }
  return {
    value: { ...first.field, value: kept.map((sample) => sample.value) },
    timestamps: { value: kept.map((sample) => sample.time), unit: 's' },
  };
}

/** The event that carries an item's series, at the item's place. */
function seriesEvent(item: Item, series: TimeSeriesJson, index: number): StagedDeviceEvent {
  const axis = item.contributions[0]?.axis;
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

const relativeKey = (item: Item): string =>
  [...item.chain.map((c) => c.name), item.kind, item.name].join('\u0000');

function pathOf(item: Item): string {
  return [item.entry, ...item.chain.map((c) => c.name), item.name].join('/');
}

/** What holds items: a component, or an Entry's beamline (whose class may be left out). */
type Holder = Pick<ComponentJson, 'fields' | 'positions' | 'subcomponents'>;

/** The event without the items that moved to a series (copied along their paths only). */
function withoutItems(event: StagedEvent, gone: ReadonlySet<string>): StagedEvent {
  const strip = <T extends Holder>(component: T, prefix: readonly string[]): T => {
    const keep = ([name]: [string, unknown], kind: string): boolean =>
      !gone.has([...prefix, kind, name].join('\u0000'));
    const out: T = { ...component };
    if (component.fields !== undefined) {
      out.fields = Object.fromEntries(
        Object.entries(component.fields).filter((pair) => keep(pair, 'fields')),
      );
    }
    if (component.positions !== undefined) {
      out.positions = Object.fromEntries(
        Object.entries(component.positions).filter((pair) => keep(pair, 'positions')),
      );
    }
    if (component.subcomponents !== undefined) {
      out.subcomponents = Object.fromEntries(
        Object.entries(component.subcomponents).map(([key, child]) => [
          key,
          strip(child, [...prefix, child.name]),
        ]),
      );
    }
    return out;
  };
  if (event.kind === 'entry') {
    return { ...event, entry: { ...event.entry, beamline: strip(event.entry.beamline, []) } };
  }
  const prefix = event.device.class === 'Beamline' ? [] : [event.device.name];
  return { ...event, device: strip(event.device, prefix) };
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
