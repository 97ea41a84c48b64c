/**
 * Taking away what fills a required NXtomo or NXmx item still writes a technique
 * entry, and the report names the item with what to send.
 */
import type { StagedScan } from '#libs/model/src/scan/index.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateNexusFile } from '#libs/nxdl/src/index.js';
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import { nodeAt } from '#libs/nexus/src/index.js';
import { getTemplate, hintFor } from '../src/index.js';
import {
  buildWithTechnique,
  writeKept,
  loadTechniqueFixture,
  stagedFromFixture,
} from './support/technique-fixture.js';

/** What to remove from every event: component fields or axes, entry fields, scan metadata. */
interface Removal {
  fields?: string[];
  axes?: string[];
  entryFields?: string[];
  scan?: ('startTime' | 'title')[];
}

function without(staged: StagedScan, removal: Removal): StagedScan {
  const copy = structuredClone(staged);
  const strip = (component: ComponentJson | EntryJson['beamline']): void => {
    for (const name of removal.fields ?? []) delete component.fields?.[name];
    for (const name of removal.axes ?? []) delete component.positions?.[name];
    for (const sub of Object.values(component.subcomponents ?? {})) strip(sub);
  };
  for (const event of copy.events) {
    if (event.kind === 'entry') {
      strip(event.entry.beamline);
      for (const name of removal.entryFields ?? []) delete event.entry.fields?.[name];
    } else strip(event.device);
  }
  for (const key of removal.scan ?? []) delete copy.scan[key];
  return copy;
}

const REQUIRED: Record<string, { fixture: string; cases: [string, Removal][] }> = {
  NXtomo: {
    fixture: 'ct',
    cases: [
      ['instrument/detector/data', { fields: ['data_file'] }],
      [
        'instrument/detector/image_key',
        { fields: ['frame_number', 'number_of_darks', 'number_of_flats', 'number_of_projections'] },
      ],
      ['sample/name', { fields: ['name'] }],
      ['sample/rotation_angle', { axes: ['rotation_angle'] }],
    ],
  },
  NXmx: {
    fixture: 'mx',
    cases: [
      ['start_time', { scan: ['startTime'] }],
      ['end_time_estimated', { entryFields: ['end_time_estimated'] }],
      ['instrument/beam/incident_wavelength', { fields: ['incident_energy'] }],
      ['instrument/detector/sensor_material', { fields: ['sensor_material'] }],
      ['instrument/detector/sensor_thickness', { fields: ['sensor_thickness'] }],
      ['instrument/detector/module/data_size', { fields: ['image_shape'] }],
      ['instrument/detector/module/fast_pixel_direction', { fields: ['x_pixel_size'] }],
      ['instrument/detector/module/slow_pixel_direction', { fields: ['y_pixel_size'] }],
      ['source/name', { fields: ['name'] }],
      ['sample/name', { fields: ['name'] }],
    ],
  },
};

/**
 * Does a finding's path name this item: the item itself, or a group on its
 * way that is missing whole (the validator names an unnamed group by class,
 * e.g. `/entry/NXsource` when `source/name` had nothing to fill it).
 */
function namesItem(findingPath: string, definition: string, itemPath: string): boolean {
  if (findingPath.startsWith(`/entry/${itemPath}`)) return true;
  const groups = getTemplate(definition)?.groups ?? {};
  const parts = itemPath.split('/');
  return parts.slice(0, -1).some((_, i) => {
    const group = parts.slice(0, i + 1).join('/');
    const parent = parts.slice(0, i).join('/');
    const byClass = `/entry/${parent === '' ? '' : `${parent}/`}${groups[group] ?? '?'}`;
    return findingPath === `/entry/${group}` || findingPath === byClass;
  });
}

describe('missing required items', () => {
  for (const [definition, { fixture, cases }] of Object.entries(REQUIRED)) {
    for (const [path, removal] of cases) {
      it(`${definition}: without its source, ${path} is reported with its hint`, async () => {
        const staged = stagedFromFixture(await loadTechniqueFixture(fixture, '/data'));
        const { root, result } = buildWithTechnique(without(staged, removal));
        const item = result.missing.find((m) => m.path === path);
        const send = hintFor(definition, path);
        assert.ok(send !== undefined);
        assert.deepEqual(item, { path, definition, requirement: 'required', send });
        assert.ok(
          result.warnings.some((w) =>
            w.startsWith(`${path} is required by ${definition}: send ${send}`),
          ),
        );
        assert.ok(root.children.has('entry'), 'the entry is still written');
        // The written file's validation report names the same item.
        const file = await writeKept(root, `${definition}-without-${path.replaceAll('/', '-')}`);
        const report = await validateNexusFile(file);
        const named = report.findings.filter(
          (f) => f.severity === 'error' && namesItem(f.path, definition, path),
        );
        assert.ok(named.length > 0, report.findings.map((f) => `${f.path} ${f.code}`).join('\n'));
      });
    }
  }

  it('NXtomo: the sentence a user reads, and a plot without the missing axis', async () => {
    const staged = stagedFromFixture(await loadTechniqueFixture('ct', '/data'));
    const { root, result } = buildWithTechnique(without(staged, { axes: ['rotation_angle'] }));
    const sentence =
      'sample/rotation_angle is required by NXtomo: send Sample.positions.rotation_angle (a TimeSeries during each acquisition stage)';
    assert.ok(
      result.warnings.some((w) => w.startsWith(sentence)),
      result.warnings.join('\n'),
    );
    const data = nodeAt(root, '/entry/data');
    assert.ok(data?.kind === 'group');
    const axes = data.attrs.get('axes');
    assert.deepEqual(axes?.dtype === 'string' ? axes.data : axes, ['.', '.', '.']);
    assert.equal(data.attrs.has('rotation_angle_indices'), false);
  });
});
