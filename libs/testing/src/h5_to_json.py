#!/usr/bin/python3
"""Print every object of an HDF5 file as JSON, as h5py (not our code) reads it.

Output: {"/path": {"kind": "group"|"dataset"|"softlink"|"externallink", ...}}.
Values are flat lists in row-major order; integers are decimal strings (exact
for int64), NaN is the string "NaN", strings are decoded UTF-8.
"""
import json
import sys

import h5py
import numpy as np


def encode(value, dtype):
    arr = np.asarray(value)
    shape = list(arr.shape)
    flat = arr.reshape(-1).tolist()
    if h5py.check_string_dtype(dtype) is not None or dtype.kind in "SU":
        info = h5py.check_string_dtype(dtype)
        kind = "string(%s,%s)" % (
            info.encoding if info else "?",
            "vlen" if info is not None and info.length is None else "fixed",
        )
        items = [v.decode("utf-8") if isinstance(v, bytes) else v for v in flat]
    elif dtype.kind in "iu":
        kind = str(dtype)
        items = [str(int(v)) for v in flat]
    elif dtype.kind == "f":
        kind = str(dtype)
        items = ["NaN" if v != v else v for v in flat]
    else:
        kind = str(dtype)
        items = [repr(v) for v in flat]
    return {"dtype": kind, "shape": shape, "value": items}


def attributes(obj):
    out = {}
    for name in obj.attrs:
        out[name] = encode(obj.attrs[name], obj.attrs.get_id(name).dtype)
    return out


def main(path):
    out = {}
    with h5py.File(path, "r") as f:
        out["/"] = {"kind": "group", "attrs": attributes(f)}

        def visit(name, _obj):
            full = "/" + name
            link = f.get(full, getlink=True)
            if isinstance(link, h5py.SoftLink):
                out[full] = {"kind": "softlink", "target": link.path}
                return None
            if isinstance(link, h5py.ExternalLink):
                out[full] = {"kind": "externallink", "file": link.filename, "path": link.path}
                return None
            obj = f[full]
            if isinstance(obj, h5py.Group):
                out[full] = {"kind": "group", "attrs": attributes(obj)}
            else:
                entry = encode(obj[()], obj.dtype)
                entry.update({"kind": "dataset", "attrs": attributes(obj)})
                out[full] = entry
            return None

        walk(f, "", visit)
    json.dump(out, sys.stdout, sort_keys=True)


def walk(group, prefix, visit):
    """Visit every link below group without following soft or external links."""
    for name in group:
        full = prefix + name
        visit(full, None)
        link = group.get(name, getlink=True)
        if isinstance(link, h5py.HardLink) and isinstance(group[name], h5py.Group):
            walk(group[name], full + "/", visit)


if __name__ == "__main__":
    main(sys.argv[1])
