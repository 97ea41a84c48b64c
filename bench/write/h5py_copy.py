"""The native baseline of the write benchmark: h5py (Debian's python3-h5py)
reads a written file into memory, then writes a copy of every group,
dataset, attribute and link to a new file N times. Only the writes of the
copy are timed (open, create everything, close; no fsync, as our `write`
phase). Prints one JSON line: per-copy wall and CPU medians in ms.

Usage: h5py_copy.py FILE COPIES OUT_DIR
"""
import json
import os
import statistics
import sys
import time

import h5py


def read_attrs(obj):
    out = []
    for name in obj.attrs:
        aid = obj.attrs.get_id(name)
        out.append((name, obj.attrs[name], aid.dtype, aid.shape))
    return out


def read_tree(group, path, ops):
    ops.append(("group", path, read_attrs(group)))
    for name in group:
        child_path = f"{path.rstrip('/')}/{name}"
        link = group.get(name, getlink=True)
        if isinstance(link, h5py.SoftLink):
            ops.append(("soft", child_path, link.path))
        elif isinstance(link, h5py.ExternalLink):
            ops.append(("external", child_path, (link.filename, link.path)))
        else:
            obj = group[name]
            if isinstance(obj, h5py.Group):
                read_tree(obj, child_path, ops)
            else:
                ops.append(("dataset", child_path, (obj[()], obj.dtype, obj.shape, read_attrs(obj))))


def write_attrs(obj, attrs):
    for name, value, dtype, shape in attrs:
        obj.attrs.create(name, value, shape=shape, dtype=dtype)


def write_copy(ops, target):
    with h5py.File(target, "w") as f:
        for kind, path, what in ops:
            if kind == "group":
                group = f if path == "/" else f.create_group(path)
                write_attrs(group, what)
            elif kind == "dataset":
                data, dtype, shape, attrs = what
                write_attrs(f.create_dataset(path, data=data, dtype=dtype, shape=shape), attrs)
            elif kind == "soft":
                f[path] = h5py.SoftLink(what)
            else:
                f[path] = h5py.ExternalLink(*what)


def main():
    source, copies, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ops = []
    with h5py.File(source, "r") as f:
        read_tree(f, "/", ops)
    walls, cpus = [], []
    for i in range(copies):
        target = os.path.join(out_dir, f"copy-{i % 4}.h5")
        wall, cpu = time.perf_counter(), time.process_time()
        write_copy(ops, target)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    print(json.dumps({
        "copies": copies,
        "objects": len(ops),
        "wall_ms": statistics.median(walls),
        "cpu_ms": statistics.median(cpus),
        "h5py": h5py.__version__,
        "hdf5": h5py.version.hdf5_version,
    }))


main()
