/**
 * One file per check: a name, the tree, and the errors (path and code) the
 * validator must report. The expected errors were checked against the NeXus
 * referee (nxcheck.py) on the very same files.
 */
import {
  bool,
  dataset,
  float64,
  group,
  int64,
  softLink,
  text,
  type NxGroupNode,
} from '#libs/nexus/src/index.js';
import { edited, rootWith, validMx, validTomo } from './fixtures.js';

export interface Case {
  readonly name: string;
  readonly root: () => NxGroupNode;
  readonly errors: readonly string[];
}

export const CASES: readonly Case[] = [
  { name: 'tomo-valid', root: () => rootWith(validTomo()), errors: [] },
  { name: 'mx-valid', root: () => rootWith(validMx()), errors: [] },
  {
    name: 'missing-field',
    root: () => rootWith(edited(validTomo(), (at) => at('sample').children.delete('name'))),
    errors: ['/entry/sample/name missing'],
  },
  {
    name: 'missing-group',
    root: () => rootWith(edited(validMx(), (at) => at('/').children.delete('source'))),
    errors: ['/entry/NXsource missing'],
  },
  {
    name: 'missing-attribute',
    root: () =>
      rootWith(
        edited(validMx(), (at) =>
          at('instrument/detector/module').children.set(
            'slow_pixel_direction',
            dataset(float64(7.5e-5), [
              ['units', text('m')],
              ['transformation_type', text('translation')],
              ['depends_on', text('.')],
            ]),
          ),
        ),
      ),
    errors: [
      '/entry/instrument/detector/module/slow_pixel_direction transformation',
      '/entry/instrument/detector/module/slow_pixel_direction@vector missing',
      '/entry/instrument/detector/module/slow_pixel_direction@offset missing',
    ],
  },
  {
    name: 'wrong-type',
    root: () =>
      rootWith(
        edited(validMx(), (at) =>
          at('instrument/beam').children.set(
            'incident_wavelength',
            dataset(text('0.9'), [['units', text('angstrom')]]),
          ),
        ),
      ),
    errors: ['/entry/instrument/beam/incident_wavelength type'],
  },
  {
    name: 'missing-units',
    root: () =>
      rootWith(
        edited(validTomo(), (at) =>
          at('instrument/detector').children.set('x_pixel_size', dataset(float64(1e-6))),
        ),
      ),
    errors: ['/entry/instrument/detector/x_pixel_size units'],
  },
  {
    name: 'unknown-definition',
    root: () =>
      rootWith(
        edited(validTomo(), (at) =>
          at('/').children.set('definition', dataset(text('NXtomogram'))),
        ),
      ),
    errors: ['/entry definition'],
  },
  {
    name: 'bad-date-time',
    root: () =>
      rootWith(
        edited(validTomo(), (at) => at('/').children.set('start_time', dataset(text('noon-ish')))),
      ),
    errors: ['/entry/start_time datetime'],
  },
  {
    name: 'nxdata-without-signal',
    root: () => rootWith(edited(validTomo(), (at) => at('data').attrs.delete('signal'))),
    errors: ['/entry/data nxdata-signal'],
  },
  {
    name: 'axes-indices-mismatch',
    root: () =>
      rootWith(
        edited(validTomo(), (at) => {
          at('data').attrs.set('rotation_angle_indices', int64(3n));
          at('data').attrs.set('axes', text(['rotation_angle', 'missing_axis', '.']));
        }),
      ),
    errors: ['/entry/data nxdata-axes', '/entry/data nxdata-indices'],
  },
  {
    name: 'unresolved-depends-on',
    root: () =>
      rootWith(
        edited(validMx(), (at) =>
          at('sample').children.set('depends_on', dataset(text('transformations/phi'))),
        ),
      ),
    errors: ['/entry/sample/depends_on depends_on'],
  },
  {
    name: 'default-to-nothing',
    root: () => rootWith(edited(validTomo(), (at) => at('/').attrs.set('default', text('plot')))),
    errors: ['/entry default'],
  },
  {
    name: 'group-without-nx-class',
    root: () =>
      rootWith(
        edited(validTomo(), (at) => {
          const junk = group('NXnote');
          junk.attrs.delete('NX_class');
          at('/').children.set('junk', junk);
        }),
      ),
    errors: ['/entry/junk nx_class-missing'],
  },
  {
    name: 'unknown-nx-class',
    root: () =>
      rootWith(
        edited(validTomo(), (at) => {
          at('/').children.set('odd', group('NXnotaclass'));
          at('/').children.set('app', group('NXtomo'));
        }),
      ),
    errors: ['/entry/app nx_class-unknown', '/entry/odd nx_class-unknown'],
  },
  {
    name: 'dangling-links',
    root: () =>
      rootWith(
        edited(validTomo(), (at) => {
          at('/').children.set('nowhere', softLink('/entry/nothing'));
          at('instrument').children.set('flag', dataset(bool(true)));
        }),
      ),
    errors: [],
  },
];
