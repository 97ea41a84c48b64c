"""Dump an HDF5 file as JSON with h5py: the independent reader of the tests.

Every object is listed by path with its kind, attributes, and for datasets the
dtype, shape and value. NaN and infinities become strings so JSON can hold them.
"""
import json
import math
import sys

import h5py
import numpy as np


def plain(value):
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()] if value.ndim else plain(value.item())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def dtype_name(dtype):
    if h5py.check_string_dtype(dtype) is not None:
        return "string"
    if dtype.kind == "b":
        return "bool"
    return dtype.name


def attrs_of(obj):
    out = {}
    for name in obj.attrs:
        value = obj.attrs[name]
        dtype = value.dtype if isinstance(value, (np.ndarray, np.generic)) else None
        out[name] = {
            "dtype": dtype_name(dtype) if dtype is not None else ("string" if isinstance(value, (str, bytes)) else type(value).__name__),
            "value": plain(value),
        }
    return out


def describe_dataset(obj):
    entry = {"kind": "dataset", "attrs": attrs_of(obj), "dtype": dtype_name(obj.dtype), "shape": list(obj.shape)}
    if h5py.check_string_dtype(obj.dtype) is not None:
        entry["value"] = plain(obj.asstr()[()])
    else:
        entry["value"] = plain(obj[()])
    return entry


def walk(group, prefix, objects):
    # A manual walk: h5py's visititems skips links and does not say what they point to.
    for name in group:
        path = prefix + "/" + name
        link = group.get(name, getlink=True)
        if isinstance(link, h5py.ExternalLink):
            objects[path] = {"kind": "external-link", "file": link.filename, "target": link.path}
            continue
        if isinstance(link, h5py.SoftLink):
            objects[path] = {"kind": "soft-link", "target": link.path}
            continue
        obj = group[name]
        if isinstance(obj, h5py.Group):
            objects[path] = {"kind": "group", "attrs": attrs_of(obj)}
            walk(obj, path, objects)
        else:
            objects[path] = describe_dataset(obj)


def main(path):
    with h5py.File(path, "r") as f:
        objects = {}
        walk(f, "", objects)
        json.dump({"rootAttrs": attrs_of(f), "objects": objects}, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
