/**
 * Assonant's `metadata.csv` read as it is: the MOGNO fixture becomes the tree
 * Assonant would build, and every malformed file names the line and column
 * to fix.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { parseSchemaCsv, type SchemaProblem } from '../src/index.js';

const HEADER =
  'Name,Subcomponent of,Class,Field Name,Unit of Measurement,Data Type,Acquisition Type,PV Name,NeXus Class,NeXus Field Name,Transformation Type';

const fixture = (name: string): Buffer =>
  readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/schemas', name));

/** A CSV with a title line, the header, and these rows. */
const csv = (...rows: string[]): Uint8Array =>
  new TextEncoder().encode(['a title,,,,,,,,,,', HEADER, ...rows].join('\n'));

const problemsOf = (bytes: Uint8Array): SchemaProblem[] => {
  const outcome = parseSchemaCsv(bytes);
  assert.equal(outcome.ok, false, 'the schema should be refused');
  return outcome.ok ? [] : outcome.problems;
};

describe('reading a beamline schema', () => {
  it('builds the MOGNO tree with Assonant rules: names lower-cased, classes without spaces, nesting', () => {
    const outcome = parseSchemaCsv(fixture('mogno-metadata.csv'));
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const { beamline } = outcome.schema;
    assert.equal(beamline.class, 'Beamline');
    assert.deepEqual(Object.keys(beamline.fields), ['name']);
    assert.deepEqual(Object.keys(beamline.subcomponents), [
      'storage_ring',
      'monochromator',
      'slit_1',
      'sample',
      'camera',
    ]);
    const monochromator = beamline.subcomponents.monochromator;
    assert.equal(monochromator?.class, 'Monochromator');
    const crystal = monochromator?.subcomponents.crystal_1;
    assert.equal(crystal?.class, 'MonochromatorCrystal');
    assert.deepEqual(crystal?.positions.bragg, {
      name: 'bragg',
      row: 14,
      unit: 'deg',
      dataType: 'float',
      acquisition: 'snapshot',
      pvName: 'MGN:A:DCM:Bragg_RBV',
      transformationType: 'rotation',
    });
    assert.equal(beamline.subcomponents.storage_ring?.class, 'StorageRing');
    assert.equal(beamline.subcomponents.sample?.positions.rotation_angle?.acquisition, 'during');
    assert.equal(beamline.subcomponents.camera?.fields.dark_field_mean?.unit, 'counts');
    assert.equal(beamline.subcomponents.camera?.fields.model?.acquisition, 'varies');
  });

  it('reads the MANACA fixture too', () => {
    const outcome = parseSchemaCsv(fixture('manaca-metadata.csv'));
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.equal(outcome.schema.beamline.subcomponents.pilatus?.class, 'Detector');
    assert.equal(
      outcome.schema.beamline.subcomponents.sample?.positions.omega?.transformationType,
      'rotation',
    );
  });

  it('creates a parent named only by Subcomponent of rows above it when it has a row of its own', () => {
    const outcome = parseSchemaCsv(
      csv(
        'Crystal_A,DCM,Monochromator Crystal,bragg,deg,float,,,,,rotation',
        'DCM,,Monochromator,,,,,,,,',
      ),
    );
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const dcm = outcome.schema.beamline.subcomponents.dcm;
    assert.deepEqual(Object.keys(dcm?.fields ?? {}), []);
    assert.equal(dcm?.subcomponents.crystal_a?.positions.bragg?.unit, 'deg');
  });

  it('merges Beamline rows into the one beamline, whatever they are called', () => {
    const outcome = parseSchemaCsv(
      csv(
        'MOGNO,,Beamline,name,,string,,,,,',
        'mogno,,Beamline,operator,,string,,,,,',
        'slit,MOGNO,Slit,x_gap,mm,float,,,,,',
      ),
    );
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(Object.keys(outcome.schema.beamline.fields), ['name', 'operator']);
    assert.ok(outcome.schema.beamline.subcomponents.slit);
  });

  it('accepts a byte-order mark and CRLF line ends, as spreadsheets write them', () => {
    const text = ['title', HEADER, 'slit,,Slit,x_gap,mm,float,,,,,'].join('\r\n');
    const outcome = parseSchemaCsv(new TextEncoder().encode(`\ufeff${text}`));
    assert.ok(outcome.ok, JSON.stringify(outcome));
  });
});

describe('a malformed schema names the line and column', () => {
  it('a missing column', () => {
    const header = HEADER.replace(',Transformation Type', '');
    const problems = problemsOf(new TextEncoder().encode(`t\n${header}\nslit,,Slit,,,,,,,\n`));
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [{ row: 2, column: 'Transformation Type' }],
    );
    assert.match(problems[0]?.message ?? '', /no column "Transformation Type"/);
  });

  it('a header not on the second line', () => {
    const problems = problemsOf(new TextEncoder().encode(`${HEADER}\nslit,,Slit,,,,,,,,\n`));
    assert.match(problems[0]?.message ?? '', /header is on line 1 and must be on line 2/);
  });

  it('an unknown class, with the class it was likely meant to be', () => {
    const problems = problemsOf(csv('slit,,Slot,x_gap,mm,float,,,,,'));
    assert.equal(problems[0]?.row, 3);
    assert.equal(problems[0]?.column, 'Class');
    assert.match(problems[0]?.message ?? '', /unknown class "Slot"; did you mean "Slit"\?/);
  });

  it('a row with no class, which Assonant would drop without a word', () => {
    const problems = problemsOf(csv('slit,,Slit,x_gap,mm,,,,,,', 'camera,,,model,,,,,,,'));
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [{ row: 4, column: 'Class' }],
    );
    assert.match(problems[0]?.message ?? '', /"camera" has no class/);
  });

  it('a Subcomponent of that names no row', () => {
    const problems = problemsOf(csv('crystal_1,dcm,Monochromator Crystal,bragg,deg,,,,,,rotation'));
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [{ row: 3, column: 'Subcomponent of' }],
    );
    assert.match(problems[0]?.message ?? '', /"dcm" names no row/);
  });

  it('a cycle of Subcomponent of', () => {
    const problems = problemsOf(
      csv('a,b,Slit,,,,,,,,', 'b,c,Slit,,,,,,,,', 'c,a,Slit,,,,,,,,', 'd,,Slit,,,,,,,,'),
    );
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [
        { row: 3, column: 'Subcomponent of' },
        { row: 4, column: 'Subcomponent of' },
        { row: 5, column: 'Subcomponent of' },
      ],
    );
    assert.match(problems[0]?.message ?? '', /its own ancestor/);
  });

  it('duplicate names: one name as two classes, under two parents, or a field twice', () => {
    const problems = problemsOf(
      csv(
        'slit,,Slit,x_gap,mm,,,,,,',
        'Slit,,Sample,y_gap,mm,,,,,,',
        'mono,,Monochromator,,,,,,,,',
        'crystal,mono,Monochromator Crystal,,,,,,,,',
        'crystal,,Monochromator Crystal,,,,,,,,',
        'mono,,Monochromator,energy,keV,,,,,,',
        'mono,,Monochromator,energy,eV,,,,,,',
      ),
    );
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [
        { row: 4, column: 'Class' },
        { row: 7, column: 'Subcomponent of' },
      ],
    );
    const fieldTwice = problemsOf(
      csv('mono,,Monochromator,energy,keV,,,,,,', 'mono,,Monochromator,energy,eV,,,,,,'),
    );
    assert.deepEqual(
      fieldTwice.map(({ row, column }) => ({ row, column })),
      [{ row: 4, column: 'Field Name' }],
    );
  });

  it('one PV in two places', () => {
    const problems = problemsOf(
      csv('mono,,Monochromator,energy,keV,,,PV:E,,,', 'slit,,Slit,x_gap,mm,,,PV:E,,,'),
    );
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [{ row: 4, column: 'PV Name' }],
    );
  });

  it('a bad transformation type', () => {
    const problems = problemsOf(csv('sample,,Sample,x,mm,float,,,,,shift'));
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [{ row: 3, column: 'Transformation Type' }],
    );
    assert.match(problems[0]?.message ?? '', /use translation or rotation/);
  });

  it('a bad acquisition type', () => {
    const problems = problemsOf(csv('sample,,Sample,x,mm,float,Sometimes,,,,'));
    assert.equal(problems[0]?.column, 'Acquisition Type');
    assert.match(problems[0]?.message ?? '', /Scanned During Exp\./);
  });

  it('a file that is not UTF-8, at the cell where the first bad byte is', () => {
    const latin1 = Buffer.concat([
      Buffer.from(`t\n${HEADER}\nsample,,Sample,temperature,`),
      Buffer.from([0xb0]), // "°" in Latin-1
      Buffer.from('C,float,,,,,\n'),
    ]);
    const problems = problemsOf(latin1);
    assert.deepEqual(
      problems.map(({ row, column }) => ({ row, column })),
      [{ row: 3, column: 'Unit of Measurement' }],
    );
    assert.match(problems[0]?.message ?? '', /not UTF-8/);
  });

  it('an empty file', () => {
    assert.match(problemsOf(new Uint8Array())[0]?.message ?? '', /empty/);
    assert.match(problemsOf(new TextEncoder().encode('\n \n'))[0]?.message ?? '', /empty/);
  });

  it('a header with no rows under it', () => {
    assert.match(problemsOf(csv())[0]?.message ?? '', /no rows/);
  });

  it('text that is not CSV, at its line', () => {
    const problems = problemsOf(csv('slit,,Slit,"x_gap,mm,,,,,,,', 'more'));
    assert.equal(problems[0]?.column, '');
    assert.match(problems[0]?.message ?? '', /not CSV/);
  });
});
