/** HDF5 path arithmetic, with POSIX semantics as NeXus path attributes use them. */

export function joinPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** Like Python's posixpath.normpath for absolute paths. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Absolute path of a NeXus path value, relative values being relative to `baseGroup`. */
export function resolvePath(baseGroup: string, value: string): string {
  return normalize(value.startsWith('/') ? value : `${baseGroup}/${value}`);
}

export function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
