/**
 * Turns a schema's rows into its tree, with Assonant's rules where they are
 * sound: names and `Subcomponent of` lower-cased, spaces removed from
 * `Class`, components nested by `Subcomponent of`, `Beamline` rows merged
 * into the entry's beamline. Where Assonant is silent or lossy (it drops a
 * row without a class), the row is a problem naming its line and column.
 */
import { COMPONENT_CLASSES, type ComponentClass } from '#libs/model/src/component-classes.js';
import { TRANSFORMATION_TYPES, type TransformationType } from '#libs/model/src/assonant-json.js';
import { linkNameProblem } from '#libs/model/src/rules/link-name.js';
import { didYouMean } from '#libs/model/src/validation/near-miss.js';
import {
  ACQUISITION_SPELLINGS,
  ACQUISITION_TYPES,
  type NumberedRow,
  type SchemaColumn,
} from './schema-columns.js';
import type {
  Acquisition,
  BeamlineSchema,
  SchemaComponent,
  SchemaField,
  SchemaProblem,
} from './schema-types.js';

export type BuildOutcome =
  { ok: true; schema: BeamlineSchema } | { ok: false; problems: SchemaProblem[] };

const BEAMLINE: ComponentClass = 'Beamline';
const CLASS_BY_KEY = new Map(COMPONENT_CLASSES.map((name) => [name.toLowerCase(), name]));

interface Declared {
  row: number;
  class: ComponentClass;
  parent: string;
  nexusClass: string;
}

export function buildSchema(rows: readonly NumberedRow[]): BuildOutcome {
  const problems: SchemaProblem[] = [];
  const problem = (row: number, column: SchemaColumn, message: string): void => {
    problems.push({ row, column, message });
  };
  const declared = new Map<string, Declared>();
  const beamlineNames = new Set<string>();

  for (const { row, cells } of rows) {
    const name = cells.Name.toLowerCase();
    const parent = cells['Subcomponent of'].toLowerCase();
    const classText = cells.Class.replace(/\s+/g, '');
    if (name === '') {
      problem(row, 'Name', 'the row names no component; give its name, e.g. monochromator');
      continue;
    }
    const nameProblem = linkNameProblem(name);
    if (nameProblem !== undefined) problem(row, 'Name', `the name "${name}" ${nameProblem}`);
    if (classText === '') {
      problem(
        row,
        'Class',
        `"${name}" has no class (Assonant would drop the row silently); give its class, e.g. Monochromator`,
      );
      continue;
    }
    const cls = CLASS_BY_KEY.get(classText.toLowerCase());
    if (cls === undefined) {
      problem(
        row,
        'Class',
        `unknown class "${cells.Class}"${didYouMean(classText, COMPONENT_CLASSES)}; the classes are ${COMPONENT_CLASSES.join(', ')}`,
      );
      continue;
    }
    if (cls === BEAMLINE) beamlineNames.add(name);
    const earlier = declared.get(name);
    if (earlier === undefined) {
      declared.set(name, { row, class: cls, parent, nexusClass: cells['NeXus Class'] });
    } else if (earlier.class !== cls) {
      problem(
        row,
        'Class',
        `"${name}" is a ${earlier.class} on line ${earlier.row} and a ${cls} here; a name is one component`,
      );
    } else if (earlier.parent !== parent) {
      problem(
        row,
        'Subcomponent of',
        `"${name}" is under "${earlier.parent || 'the beamline'}" on line ${earlier.row} and under "${parent || 'the beamline'}" here; a name is one component`,
      );
    }
  }

  const parentOf = (name: string): string | undefined => {
    const parent = declared.get(name)?.parent ?? '';
    return parent === '' || beamlineNames.has(parent) ? undefined : parent;
  };
  for (const [name, component] of declared) {
    if (component.class === BEAMLINE) continue;
    const parent = parentOf(name);
    if (parent !== undefined && !declared.has(parent)) {
      problem(
        component.row,
        'Subcomponent of',
        `"${parent}" names no row; add a row for it (its name and class) or correct the name`,
      );
    } else if (inCycle(name, parentOf)) {
      problem(
        component.row,
        'Subcomponent of',
        `"${name}" is its own ancestor through Subcomponent of; a component cannot contain itself`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const beamline = newComponent('beamline', BEAMLINE, rows[0]?.row ?? 0, '');
  const nodes = new Map<string, SchemaComponent>();
  const nodeOf = (name: string): SchemaComponent => {
    const found = nodes.get(name);
    if (found !== undefined) return found;
    const component = declared.get(name);
    if (component === undefined || component.class === BEAMLINE) return beamline;
    const node = newComponent(name, component.class, component.row, component.nexusClass);
    nodes.set(name, node);
    const parent = parentOf(name);
    (parent === undefined ? beamline : nodeOf(parent)).subcomponents[name] = node;
    return node;
  };
  const pvRows = new Map<string, number>();
  for (const { row, cells } of rows) {
    const component = nodeOf(cells.Name.toLowerCase());
    const fieldName = cells['Field Name'];
    if (fieldName === '') continue;
    const field = fieldOf(row, cells, problem);
    if (field === undefined) continue;
    if (component.fields[fieldName] !== undefined || component.positions[fieldName] !== undefined) {
      problem(
        row,
        'Field Name',
        `"${component.name}" has "${fieldName}" twice; name each field once`,
      );
      continue;
    }
    if (field.pvName !== undefined) {
      const earlier = pvRows.get(field.pvName);
      if (earlier !== undefined) {
        problem(
          row,
          'PV Name',
          `${field.pvName} is read on line ${earlier} already; a PV has one place`,
        );
        continue;
      }
      pvRows.set(field.pvName, row);
    }
    const transformation = cells['Transformation Type'].toLowerCase();
    if (transformation === '') component.fields[fieldName] = field;
    else {
      component.positions[fieldName] = {
        ...field,
        transformationType: transformation as TransformationType,
      };
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, schema: { beamline } };
}

function newComponent(
  name: string,
  cls: ComponentClass,
  row: number,
  nexusClass: string,
): SchemaComponent {
  return {
    name,
    class: cls,
    row,
    ...(nexusClass !== '' ? { nexusClass } : {}),
    fields: {},
    positions: {},
    subcomponents: {},
  };
}

function fieldOf(
  row: number,
  cells: NumberedRow['cells'],
  problem: (row: number, column: SchemaColumn, message: string) => void,
): SchemaField | undefined {
  const name = cells['Field Name'];
  const nameProblem = linkNameProblem(name);
  if (nameProblem !== undefined) {
    problem(row, 'Field Name', `the field name "${name}" ${nameProblem}`);
    return undefined;
  }
  const transformation = cells['Transformation Type'].toLowerCase();
  if (
    transformation !== '' &&
    !(TRANSFORMATION_TYPES as readonly string[]).includes(transformation)
  ) {
    problem(
      row,
      'Transformation Type',
      `"${cells['Transformation Type']}" is not a transformation type; use translation or rotation, or leave it empty for a field`,
    );
    return undefined;
  }
  const acquisitionText = cells['Acquisition Type'];
  let acquisition: Acquisition | undefined;
  if (acquisitionText !== '') {
    acquisition = ACQUISITION_TYPES.get(acquisitionText.replace(/\s+/g, '').toLowerCase());
    if (acquisition === undefined) {
      problem(
        row,
        'Acquisition Type',
        `"${acquisitionText}" is not an acquisition type; use one of: ${Object.values(ACQUISITION_SPELLINGS).join(', ')}`,
      );
      return undefined;
    }
  }
  const optional = (value: string): string | undefined => (value === '' ? undefined : value);
  const field: SchemaField = { name, row };
  const unit = optional(cells['Unit of Measurement']);
  if (unit !== undefined) field.unit = unit;
  const dataType = optional(cells['Data Type']);
  if (dataType !== undefined) field.dataType = dataType;
  if (acquisition !== undefined) field.acquisition = acquisition;
  const pvName = optional(cells['PV Name']);
  if (pvName !== undefined) field.pvName = pvName;
  const nexusFieldName = optional(cells['NeXus Field Name']);
  if (nexusFieldName !== undefined) field.nexusFieldName = nexusFieldName;
  return field;
}

/** Whether following parents from `name` comes back to it (a loop above it is its members' problem). */
function inCycle(name: string, parentOf: (name: string) => string | undefined): boolean {
  const seen = new Set<string>();
  for (let at = parentOf(name); at !== undefined; at = parentOf(at)) {
    if (at === name) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
