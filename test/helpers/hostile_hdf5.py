"""Writes hostile HDF5 files for the hostile-file suite (test/e2e/hostile-files.e2e.test.ts).

usage: hostile_hdf5.py OUT_DIR SECRET_FILE MARKER
Writes SECRET_FILE (another beamline's file, holding MARKER) and one file per
case under OUT_DIR, and prints a JSON list of {"name", "file"} on stdout.
"""
import json
import os
import random
import sys

import h5py
import numpy as np

out_dir, secret_file, marker = sys.argv[1], sys.argv[2], sys.argv[3]
cases = []


def case(name):
    path = os.path.join(out_dir, name + '.nxs')
    cases.append({'name': name, 'file': path})
    return path


def transformation(group, name, kind, depends_on):
    axis = group.create_dataset(name, data=0.0)
    axis.attrs['transformation_type'] = kind
    axis.attrs['vector'] = [0.0, 1.0, 0.0]
    axis.attrs['units'] = 'deg' if kind == 'rotation' else 'mm'
    axis.attrs['depends_on'] = depends_on


def transformations(f):
    entry = nx_entry(f)
    sample = entry.create_group('sample')
    sample.attrs['NX_class'] = 'NXsample'
    group = sample.create_group('transformations')
    group.attrs['NX_class'] = 'NXtransformations'
    return sample, group


def nx_entry(f, name='entry'):
    entry = f.create_group(name)
    entry.attrs['NX_class'] = 'NXentry'
    return entry


# The secret: another beamline's file, every string of which holds the marker.
os.makedirs(os.path.dirname(secret_file), exist_ok=True)
with h5py.File(secret_file, 'w') as f:
    entry = nx_entry(f)
    entry.attrs['default'] = marker
    entry['definition'] = marker
    sample = entry.create_group('sample')
    sample.attrs['NX_class'] = 'NXsample'
    sample['name'] = marker
    sample['name'].attrs['units'] = marker

for length in (1_000, 10_000):
    with h5py.File(case(f'soft-link-chain-{length}'), 'w') as f:
        entry = nx_entry(f)
        entry['target'] = 'NXtomo'
        for i in range(length):
            entry[f'c{i}'] = h5py.SoftLink(f'/entry/c{i + 1}' if i + 1 < length else '/entry/target')
        entry['definition'] = h5py.SoftLink('/entry/c0')

with h5py.File(case('link-cycles'), 'w') as f:
    entry = nx_entry(f)
    entry['a'] = h5py.SoftLink('/entry/b')
    entry['b'] = h5py.SoftLink('/entry/a')
    entry['self'] = h5py.SoftLink('/entry/self')
    entry['definition'] = h5py.SoftLink('/entry/a')
    inner = entry.create_group('inner')
    inner.attrs['NX_class'] = 'NXcollection'
    inner['up'] = entry  # a hard link back to its own parent
    inner['root'] = f['/']

with h5py.File(case('nested-3000'), 'w') as f:
    group = nx_entry(f)
    for _ in range(3_000):
        group = group.create_group('g')
        group.attrs['NX_class'] = 'NXcollection'

with h5py.File(case('huge-declared-definition'), 'w') as f:
    entry = nx_entry(f)
    entry.create_dataset('definition', shape=(2**26,), dtype='S8', chunks=(4096,))
    entry.create_dataset('title', shape=(2**26,), dtype=h5py.string_dtype(), chunks=(4096,))

with h5py.File(case('depends-on-fan-out'), 'w') as f:
    sample, t = transformations(f)
    for i in range(200):
        transformation(t, f'hub{i}', 'rotation', f'hub{i + 1}' if i + 1 < 200 else '.')
    for i in range(3_000):
        transformation(t, f'leaf{i}', 'translation', 'hub0')
    sample['depends_on'] = 'transformations/leaf0'

with h5py.File(case('depends-on-chain-5000'), 'w') as f:
    sample, t = transformations(f)
    for i in range(5_000):
        transformation(t, f't{i}', 'rotation', f't{i + 1}' if i + 1 < 5_000 else '.')
    sample['depends_on'] = 'transformations/t0'

relative_secret = os.path.relpath(secret_file, out_dir)
for kind, target in (('absolute', secret_file), ('relative', relative_secret)):
    with h5py.File(case(f'external-link-{kind}'), 'w') as f:
        entry = nx_entry(f)
        entry['definition'] = h5py.ExternalLink(target, '/entry/definition')
        entry['sample'] = h5py.ExternalLink(target, '/entry/sample')
        entry['stolen'] = h5py.ExternalLink(target, '/entry')
        f['/'].attrs['default'] = 'stolen'

with h5py.File(case('attribute-50mb'), 'w', libver='latest') as f:
    entry = nx_entry(f)
    big = 'x' * (50 * 1024 * 1024)
    f['/'].attrs['default'] = np.bytes_(big)
    entry['definition'] = 'NXtomo'
    entry['definition'].attrs['units'] = big[: 1024 * 1024]

with h5py.File(case('exotic-dtypes'), 'w') as f:
    values = {
        'compound': np.array([(1, 2.0)], dtype=[('a', 'i4'), ('b', 'f8')]),
        'enum': np.array([0, 1], dtype=h5py.enum_dtype({'RED': 0, 'GREEN': 1}, basetype='i1')),
        'vlen_int': None,
        'opaque': np.void(b'\x00\x01\x02\x03'),
        'bool': np.array([True, False]),
        'complex64': np.array([1 + 2j], dtype='c8'),
        'complex128': np.array([1 + 2j], dtype='c16'),
        'float16': np.array([1.5], dtype='f2'),
        'array': np.zeros((2,), dtype='(3,)f8'),
        'vlen_str': np.array(['a', 'bb'], dtype=h5py.string_dtype()),
        'fixed_str': np.array([b'abc'], dtype='S3'),
        'int64_max': np.array([2**63 - 1], dtype='i8'),
        'uint64_max': np.array([2**64 - 1], dtype='u8'),
    }
    for name, value in values.items():
        entry = nx_entry(f, f'entry_{name}')
        if name == 'vlen_int':
            ds = entry.create_dataset('definition', (2,), dtype=h5py.vlen_dtype('i4'))
            ds[0] = [1, 2, 3]
            ds[1] = [4]
            ragged = np.empty(1, dtype=object)
            ragged[0] = np.array([1, 2], 'i4')
            entry.attrs.create('default', ragged, dtype=h5py.vlen_dtype('i4'))
        else:
            entry['definition'] = value
            entry.attrs['default'] = value
            entry['definition'].attrs['units'] = value
    refs = nx_entry(f, 'entry_reference')
    refs['target'] = [1.0, 2.0]
    refs['definition'] = f['/entry_reference/target'].ref
    refs.attrs['default'] = f['/entry_reference/target'].ref
    refs.create_dataset('region', data=[refs['target'].regionref[0:1]], dtype=h5py.regionref_dtype)
    bits = nx_entry(f, 'entry_bitfield')
    space = h5py.h5s.create_simple((4,))
    h5py.h5d.create(bits.id, b'definition', h5py.h5t.STD_B8LE, space)
    f.create_dataset('/entry_bitfield/bits', data=np.zeros(4, 'u1'))
    nx_entry(f, 'entry_empty').create_dataset('definition', data=h5py.Empty('f'))

with h5py.File(case('unknown-filter'), 'w') as f:
    entry = nx_entry(f)
    entry.create_dataset('definition', data=np.array([b'NXtomo'] * 64), chunks=(8,), compression='lzf')
    entry['definition'].attrs['units'] = 'none'
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_chunk((8,))
    dcpl.set_filter(32999, h5py.h5z.FLAG_OPTIONAL, (1, 2, 3))
    space = h5py.h5s.create_simple((64,))
    h5py.h5d.create(entry.id, b'title', h5py.h5t.STD_I32LE, space, dcpl=dcpl)

with open(os.path.join(out_dir, 'depends-on-fan-out.nxs'), 'rb') as source:
    whole = source.read()
for cut in (8, 512, 2048, len(whole) // 2, len(whole) - 1):
    with open(case(f'truncated-at-{cut}'), 'wb') as f:
        f.write(whole[:cut])

rng = random.Random(20261126)
with open(case('random-bytes'), 'wb') as f:
    f.write(bytes(rng.getrandbits(8) for _ in range(65_536)))
with open(case('hdf5-signature-then-random'), 'wb') as f:
    f.write(b'\x89HDF\r\n\x1a\n' + bytes(rng.getrandbits(8) for _ in range(65_536)))
open(case('empty'), 'wb').close()

json.dump(cases, sys.stdout)
