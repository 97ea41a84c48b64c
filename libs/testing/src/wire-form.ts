/**
 * The full form of an example turned into Assonant's wire form, as its
 * KafkaDataSender sends `Entry.json()`: no `class` on components; in every
 * `fields` map a DataField keeps only `{value}` and a TimeSeries only
 * `{value: <its values DataField>}` (no timestamps); positions stay complete.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A DataField's `value` is its value; a TimeSeries' `value` is its values DataField, kept whole. */
function wireField(field: unknown): unknown {
  return isObject(field) ? { value: field.value } : field;
}

function wireFields(fields: unknown): unknown {
  if (!isObject(fields)) return fields;
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, wireField(field)]));
}

export function wireComponent(component: unknown): unknown {
  if (!isObject(component)) return component;
  const out: Json = { ...component };
  delete out.class;
  if (component.fields !== undefined) out.fields = wireFields(component.fields);
  if (isObject(component.subcomponents)) {
    out.subcomponents = Object.fromEntries(
      Object.entries(component.subcomponents).map(([key, child]) => [key, wireComponent(child)]),
    );
  }
  return out;
}

/** An Entry (`{name, beamline, fields}`) in the wire form. */
export function wireEntry(entry: Json): Json {
  return {
    ...entry,
    ...(entry.fields !== undefined ? { fields: wireFields(entry.fields) } : {}),
    beamline: wireComponent(entry.beamline),
  };
}
