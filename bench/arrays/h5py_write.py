"""The native baseline: h5py writes the same frames from the same spool file,
with the same chunks (one frame) and filter, frame by frame, then fsyncs.
Usage: h5py_write.py STACK FRAMES Y X OUT COMPRESSION; prints JSON."""
import json, os, sys, time
import h5py, numpy as np

stack, frames, y, x, out, choice = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
name, _, level = choice.partition(':')
filters = {
    'none': {},
    'gzip': {'compression': 'gzip', 'compression_opts': int(level or 4)},
    'bslz4': {'compression': 32008, 'compression_opts': (0, 2)},
    'lz4': {'compression': 32004, 'compression_opts': (0,)},
    'zstd': {'compression': 32015, 'compression_opts': (int(level or 3),)},
}[name]
frame_bytes = y * x * 2
started = time.perf_counter()
with open(stack, 'rb') as source, h5py.File(out, 'w') as f:
    d = f.create_dataset('data', shape=(frames, y, x), maxshape=(None, y, x), dtype='<u2', chunks=(1, y, x), **filters)
    for k in range(frames):
        d[k] = np.frombuffer(source.read(frame_bytes), dtype='<u2').reshape(y, x)
fd = os.open(out, os.O_RDONLY)
os.fsync(fd)
os.close(fd)
print(json.dumps({'wallMs': (time.perf_counter() - started) * 1000, 'size': os.path.getsize(out), 'h5py': h5py.version.version, 'hdf5': h5py.version.hdf5_version}))
