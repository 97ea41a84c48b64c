/**
 * What a file must hold for an Assonant payload, restated independently of
 * the writer from the mapping in the README: every DataField a dataset at its
 * path with its value, dtype, `units` and metadata attributes; every TimeSeries
 * an NXlog; every position under `transformations`.
 */
import { isBinaryReference } from '#libs/model/src/index.js';
import type {
  AxisJson,
  ComponentJson,
  DataFieldJson,
  FieldJson,
  FieldValue,
  MetadataValue,
} from '#libs/model/src/assonant-json.js';

export interface ExpectedDatum {
  /** HDF5 path of the dataset. */
  path: string;
  dtype: 'int64' | 'float64' | 'string';
  /** Flat, row-major, in the h5py listing's encoding (integers as decimal strings). */
  value: (string | number)[];
  shape: number[];
  units?: string;
  /** extra_metadata, encoded the same way. */
  attrs: Record<string, (string | number)[]>;
}

export interface ExpectedGroup {
  path: string;
  nxClass: string;
}

export interface Expected {
  datums: ExpectedDatum[];
  groups: ExpectedGroup[];
}

const NX_CLASS: Record<string, string> = {
  StorageRing: 'NXsource',
  Monochromator: 'NXmonochromator',
  MonochromatorCrystal: 'NXcrystal',
  Slit: 'NXslit',
  Sample: 'NXsample',
  Detector: 'NXdetector',
  Undulator: 'NXinsertion_device',
  Beam: 'NXbeam',
  Attenuator: 'NXattenuator',
  Cryojet: 'NXsensor',
  Dewar: 'NXsensor',
};

function flatten(value: FieldValue | MetadataValue): { flat: unknown[]; shape: number[] } {
  if (!Array.isArray(value)) return { flat: [value], shape: [] };
  const parts = value.map(flatten);
  return { flat: parts.flatMap((p) => p.flat), shape: [value.length, ...(parts[0]?.shape ?? [])] };
}

function encode(values: unknown[]): { dtype: ExpectedDatum['dtype']; value: (string | number)[] } {
  if (values.every((v) => typeof v === 'string')) return { dtype: 'string', value: values };
  if (values.every((v) => typeof v === 'bigint')) {
    return { dtype: 'int64', value: values.map((v) => v.toString()) };
  }
  return {
    dtype: 'float64',
    value: values.map((v) => (v === null ? 'NaN' : Number(v as number | bigint))),
  };
}

export function datum(path: string, field: DataFieldJson): ExpectedDatum {
  if (isBinaryReference(field.value)) throw new Error(`${path}: uploaded data has no JSON datum`);
  const { flat, shape } = flatten(field.value);
  const attrs: Record<string, (string | number)[]> = {};
  for (const [key, meta] of Object.entries(field.extra_metadata ?? {})) {
    attrs[key] = encode(flatten(meta).flat).value;
  }
  return {
    path,
    ...encode(flat),
    shape,
    ...(typeof field.unit === 'string' ? { units: field.unit } : {}),
    attrs,
  };
}

function addField(expected: Expected, path: string, field: FieldJson): void {
  if ('timestamps' in field) {
    expected.groups.push({ path, nxClass: 'NXlog' });
    expected.datums.push(datum(`${path}/value`, field.value));
    return;
  }
  expected.datums.push(datum(path, field));
}

function addAxis(expected: Expected, path: string, axis: AxisJson): void {
  addField(expected, path, axis.value);
}

export function addComponent(
  expected: Expected,
  parentPath: string,
  component: ComponentJson,
  entryPath: string,
): void {
  // NeXus keeps the sample in the entry, not in the instrument.
  const path =
    component.class === 'Sample' && parentPath === `${entryPath}/instrument`
      ? `${entryPath}/${component.name}`
      : `${parentPath}/${component.name}`;
  expected.groups.push({ path, nxClass: NX_CLASS[component.class] ?? '?' });
  for (const [name, field] of Object.entries(component.fields ?? {})) {
    addField(expected, `${path}/${name}`, field);
  }
  const positions = Object.entries(component.positions ?? {});
  if (positions.length > 0)
    expected.groups.push({ path: `${path}/transformations`, nxClass: 'NXtransformations' });
  for (const [name, axis] of positions) addAxis(expected, `${path}/transformations/${name}`, axis);
  for (const sub of Object.values(component.subcomponents ?? {})) {
    addComponent(expected, path, sub, entryPath);
  }
}

export function expectedForEntry(entry: {
  name: string;
  beamline: Omit<ComponentJson, 'class'>;
  fields?: Record<string, FieldJson>;
}): Expected {
  const expected: Expected = { datums: [], groups: [] };
  const entryPath = `/${entry.name}`;
  expected.groups.push({ path: entryPath, nxClass: 'NXentry' });
  expected.groups.push({ path: `${entryPath}/instrument`, nxClass: 'NXinstrument' });
  for (const [name, field] of Object.entries(entry.fields ?? {})) {
    addField(expected, `${entryPath}/${name}`, field);
  }
  for (const [name, field] of Object.entries(entry.beamline.fields ?? {})) {
    addField(expected, `${entryPath}/instrument/${name}`, field);
  }
  for (const sub of Object.values(entry.beamline.subcomponents ?? {})) {
    addComponent(expected, `${entryPath}/instrument`, sub, entryPath);
  }
  return expected;
}

export function expectedForDevice(entryName: string, device: ComponentJson): Expected {
  const expected: Expected = { datums: [], groups: [] };
  addComponent(expected, `/${entryName}/instrument`, device, `/${entryName}`);
  return expected;
}
