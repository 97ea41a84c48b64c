/**
 * Small NeXus trees for the validator tests: a complete NXtomo and NXmx entry,
 * and one broken variant per check. Written with the project's own writer.
 */
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { join } from 'node:path';
import {
  dataset,
  float64,
  group,
  int64,
  softLink,
  text,
  writeNexusFile,
  type NxGroupNode,
  type NxNode,
  type NxValue,
} from '#libs/nexus/src/index.js';

type Attrs = [string, NxValue][];

const FRAMES = 5;

function nodeAt(root: NxGroupNode, path: string): NxGroupNode {
  let node: NxNode = root;
  for (const part of path.split('/').filter((p) => p !== '')) {
    const next: NxNode | undefined = node.kind === 'group' ? node.children.get(part) : undefined;
    if (next === undefined) throw new Error(`fixture has no ${path}`);
    node = next;
  }
  if (node.kind !== 'group') throw new Error(`fixture ${path} is not a group`);
  return node;
}

export function rootWith(
  entry: NxGroupNode,
  attrs: Attrs = [['default', text('entry')]],
): NxGroupNode {
  const root = group('NXroot', [['entry', entry]]);
  root.attrs.delete('NX_class'); // the file root carries no NX_class in h5py-written files either
  for (const [k, v] of attrs) root.attrs.set(k, v);
  return root;
}

/** A complete NXtomo entry (no errors expected). */
export function validTomo(): NxGroupNode {
  const image = dataset(
    int64(
      Array.from({ length: FRAMES * 12 }, () => 7n),
      [FRAMES, 3, 4],
    ),
    [['target', text('/entry/instrument/detector/data')]],
  );
  const key = dataset(int64([2n, 1n, 0n, 0n, 0n]), [
    ['target', text('/entry/instrument/detector/image_key')],
  ]);
  const angle = dataset(float64([0, 45, 90, 135, 180]), [
    ['units', text('degree')],
    ['target', text('/entry/sample/rotation_angle')],
  ]);
  const data = group('NXdata', [
    ['data', softLink('/entry/instrument/detector/data')],
    ['rotation_angle', softLink('/entry/sample/rotation_angle')],
    ['image_key', softLink('/entry/instrument/detector/image_key')],
  ]);
  data.attrs.set('signal', text('data'));
  data.attrs.set('axes', text(['rotation_angle', '.', '.']));
  data.attrs.set('rotation_angle_indices', int64(0n));
  const entry = group('NXentry', [
    ['definition', dataset(text('NXtomo'))],
    ['start_time', dataset(text('2024-01-01T10:00:00Z'))],
    [
      'instrument',
      group('NXinstrument', [
        [
          'detector',
          group('NXdetector', [
            ['data', image],
            ['image_key', key],
            ['x_pixel_size', dataset(float64(1e-6), [['units', text('m')]])],
          ]),
        ],
      ]),
    ],
    [
      'sample',
      group('NXsample', [
        ['name', dataset(text('sample'))],
        ['rotation_angle', angle],
      ]),
    ],
    ['data', data],
  ]);
  entry.attrs.set('default', text('data'));
  return entry;
}

/** A complete NXmx entry with a depends_on chain (no errors expected). */
export function validMx(): NxGroupNode {
  const data = group('NXdata', [
    [
      'data',
      dataset(
        int64(
          Array.from({ length: 32 }, () => 1n),
          [2, 4, 4],
        ),
      ),
    ],
  ]);
  data.attrs.set('signal', text('data'));
  const translation = (vector: number[]): NxNode =>
    dataset(float64(7.5e-5), [
      ['units', text('m')],
      ['transformation_type', text('translation')],
      ['vector', float64(vector)],
      ['offset', float64([0, 0, 0])],
      ['depends_on', text('.')],
    ]);
  const entry = group('NXentry', [
    ['definition', dataset(text('NXmx'))],
    ['start_time', dataset(text('2024-01-01T10:00:00Z'))],
    ['end_time_estimated', dataset(text('2024-01-01T10:05:00Z'))],
    ['data', data],
    [
      'sample',
      group('NXsample', [
        ['name', dataset(text('lysozyme'))],
        ['depends_on', dataset(text('/entry/sample/transformations/omega'))],
        [
          'transformations',
          group('NXtransformations', [
            [
              'omega',
              dataset(float64([0, 0.1]), [
                ['units', text('degree')],
                ['transformation_type', text('rotation')],
                ['vector', float64([-1, 0, 0])],
                ['depends_on', text('.')],
              ]),
            ],
          ]),
        ],
      ]),
    ],
    [
      'instrument',
      group('NXinstrument', [
        ['name', dataset(text('Beamline X'))],
        [
          'detector',
          group('NXdetector', [
            ['sensor_material', dataset(text('Si'))],
            ['sensor_thickness', dataset(float64(0.00045), [['units', text('m')]])],
            [
              'module',
              group('NXdetector_module', [
                ['data_origin', dataset(int64([0n, 0n]))],
                ['data_size', dataset(int64([4n, 4n]))],
                ['fast_pixel_direction', translation([1, 0, 0])],
                ['slow_pixel_direction', translation([0, 1, 0])],
              ]),
            ],
          ]),
        ],
        [
          'beam',
          group('NXbeam', [
            ['incident_wavelength', dataset(float64(0.9), [['units', text('angstrom')]])],
          ]),
        ],
      ]),
    ],
    ['source', group('NXsource', [['name', dataset(text('Test Light Source'))]])],
  ]);
  entry.attrs.set('default', text('data'));
  return entry;
}

/** Edits a fixture in place: `edit(root)` may change any group below it. */
export function edited(
  entry: NxGroupNode,
  edit: (at: (path: string) => NxGroupNode) => void,
): NxGroupNode {
  edit((path) => nodeAt(entry, path));
  return entry;
}

export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const { dir, cleanup } = await tempDir('nxdl-test-');
  try {
    return await body(dir);
  } finally {
    await cleanup();
  }
}

export async function writeEntry(dir: string, name: string, root: NxGroupNode): Promise<string> {
  const file = join(dir, `${name}.nxs`);
  await writeNexusFile(root, file);
  return file;
}
