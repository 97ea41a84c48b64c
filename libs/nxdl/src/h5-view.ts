/**
 * Read-only view of an HDF5 file for the validator, on top of h5wasm.
 *
 * Soft links are followed by HDF5. External links are followed here, and
 * only as the caller's policy allows: never for a file from outside (it could
 * name any file on the server), and only under one directory for files we
 * wrote. h5wasm aborts the whole WebAssembly module when it reads an
 * attribute through an external link, so HDF5 never follows one itself. A
 * link that cannot be (or may not be) resolved shows up as a dangling member.
 * Values are normalised to what the checks need: a NumPy-like type kind, the
 * shape, and flat JS values.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Attribute, Dataset, File, Group, Metadata } from 'h5wasm/node';
import { hdf5Runtime, type Hdf5Runtime } from '#libs/nexus/src/hdf5-runtime.js';
import { closeErrorReports } from '#libs/nexus/src/hdf5-streams.js';
import { MAX_SOFT_LINK_HOPS, MAX_VALUE_BYTES } from './limits.js';

/** NumPy dtype kinds, which is how NeXus readers classify HDF5 types. */
export type TypeKind = 'i' | 'u' | 'f' | 'c' | 'b' | 'S' | 'O' | 'V';

export interface H5Type {
  readonly kind: TypeKind;
  /** Bytes per element (1 for variable-length strings). */
  readonly size: number;
  readonly isString: boolean;
  /** NumPy's name for the type, for messages (`int64`, `float32`, `string`, …). */
  readonly name: string;
}

/** A flat list of values; strings stay strings, 64-bit integers may be bigints. */
export type Scalar = number | bigint | string | boolean;

export interface H5Value {
  readonly type: H5Type | null;
  /** `null` for an HDF5 null dataspace (no value at all). */
  readonly shape: readonly number[] | null;
  readonly values: () => Scalar[] | null;
}

interface ObjectBase {
  /** Path used to reach the object (may go through links). */
  readonly path: string;
  /** Same string for every path reaching the same HDF5 object. */
  readonly identity: string;
  readonly attrNames: readonly string[];
  attr(name: string): H5Value | null;
}

export interface GroupView extends ObjectBase {
  readonly kind: 'group';
}

export interface DatasetView extends ObjectBase, H5Value {
  readonly kind: 'dataset';
}

export type ObjectView = GroupView | DatasetView;

/** Why a link was not followed: it may not be, or its chain of soft links is too long. */
export type NotFollowed = 'external_link_not_followed' | 'soft_link_chain_too_long';

/** A link that exists but does not lead to an object (or was not followed, see `notFollowed`). */
export interface DanglingView {
  readonly kind: 'dangling';
  readonly path: string;
  readonly linkType: 'SoftLink' | 'ExternalLink';
  readonly notFollowed?: NotFollowed;
}

/**
 * Which external links are followed: `never` (files from outside), or only to
 * files whose real path lies under `allowedRoot` (symbolic links resolved, so
 * `..` and links out of the directory are refused).
 */
export type ExternalLinkPolicy = 'never' | { readonly allowedRoot: string };

const TYPE_CLASS = {
  integer: 0,
  float: 1,
  string: 3,
  bitfield: 4,
  compound: 6,
  reference: 7,
  enumeration: 8,
  vlen: 9,
} as const;

/** The h5py/NumPy reading of an HDF5 datatype. */
export function typeOf(meta: Metadata): H5Type {
  const size = meta.size;
  switch (meta.type) {
    case TYPE_CLASS.integer:
    case TYPE_CLASS.bitfield: {
      const kind = meta.signed && meta.type === TYPE_CLASS.integer ? 'i' : 'u';
      return { kind, size, isString: false, name: `${kind === 'i' ? 'int' : 'uint'}${size * 8}` };
    }
    case TYPE_CLASS.float:
      return { kind: 'f', size, isString: false, name: `float${size * 8}` };
    case TYPE_CLASS.string:
      return { kind: meta.vlen ? 'O' : 'S', size, isString: true, name: 'string' };
    case TYPE_CLASS.enumeration: {
      const members = Object.keys(meta.enum_type?.members ?? {}).sort();
      // h5py stores NumPy booleans as an 8-bit enum FALSE/TRUE and reads them back as bool.
      if (members.length === 2 && members[0] === 'FALSE' && members[1] === 'TRUE') {
        return { kind: 'b', size, isString: false, name: 'bool' };
      }
      const kind = meta.signed ? 'i' : 'u';
      return { kind, size, isString: false, name: `${kind === 'i' ? 'int' : 'uint'}${size * 8}` };
    }
    case TYPE_CLASS.compound: {
      const members = meta.compound_type?.members ?? [];
      const complex =
        members.length === 2 &&
        members.every((m) => m.type === TYPE_CLASS.float && m.size * 2 === size);
      if (complex) return { kind: 'c', size, isString: false, name: `complex${size * 8}` };
      return { kind: 'V', size, isString: false, name: `|V${size}` };
    }
    case TYPE_CLASS.reference:
    case TYPE_CLASS.vlen:
      return { kind: 'O', size, isString: false, name: 'object' };
    default:
      return { kind: 'V', size, isString: false, name: `|V${size}` };
  }
}

function flatten(value: unknown): Scalar[] | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') {
    return [value];
  }
  if (typeof value === 'boolean') return [value];
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>);
  }
  if (Array.isArray(value)) {
    const out: Scalar[] = [];
    for (const item of value) {
      const inner = flatten(item);
      if (inner === null) return null;
      out.push(...inner);
    }
    return out;
  }
  return null;
}

function readSafely(read: () => unknown): Scalar[] | null {
  try {
    return flatten(read());
  } catch {
    return null; // unreadable data (missing filter, external raw data …): not judged
  }
}

/** Booleans come back from h5wasm as 0/1; h5py gives True/False, which enumerations compare. */
function reader(type: H5Type, read: () => unknown): () => Scalar[] | null {
  return () => {
    const values = readSafely(read);
    return type.kind === 'b' && values !== null ? values.map((v) => Number(v) !== 0) : values;
  };
}

/**
 * Bytes a value takes once read. A variable-length element is counted at
 * least as a short string: its true length is known only by reading it.
 */
function valueBytes(type: H5Type, shape: readonly number[] | null): number {
  const elements = shape === null ? 0 : shape.reduce((n, d) => n * d, 1);
  return elements * Math.max(type.size, VLEN_ELEMENT_BYTES);
}

const VLEN_ELEMENT_BYTES = 16;

/** Where a path leads: a file and the path inside it, or a link that leads nowhere. */
type Located =
  | { readonly kind: 'found'; readonly file: OpenFile; readonly inner: string }
  | {
      readonly kind: 'dangling';
      readonly linkType: 'SoftLink' | 'ExternalLink';
      readonly notFollowed?: NotFollowed;
    }
  | { readonly kind: 'none' };

interface OpenFile {
  readonly name: string;
  readonly h5: File;
}

const MAX_EXTERNAL_HOPS = 32;

function join(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

function segments(objPath: string): string[] {
  return objPath.split('/').filter((p) => p !== '' && p !== '.');
}

export class FileView {
  private readonly files = new Map<string, OpenFile | null>();
  /** Paths already resolved: the file is read-only, and the checks ask for each path many times. */
  private readonly located = new Map<string, Located>();
  /** Member names of the groups walked through, by file and path. */
  private readonly members = new Map<string, Set<string> | null>();
  /** Paths (`@name` for attributes) whose value was too large to read. */
  readonly tooLarge = new Set<string>();

  private constructor(
    private readonly runtime: Hdf5Runtime,
    private readonly main: OpenFile,
    private readonly externalLinks: ExternalLinkPolicy,
  ) {
    this.files.set(main.name, main);
  }

  static async open(file: string, externalLinks: ExternalLinkPolicy = 'never'): Promise<FileView> {
    const runtime = await hdf5Runtime();
    const name = path.resolve(file);
    return new FileView(runtime, { name, h5: new runtime.h5.File(name, 'r') }, externalLinks);
  }

  close(): void {
    for (const f of this.files.values()) f?.h5.close();
    this.files.clear();
    closeErrorReports(this.runtime);
  }

  root(): GroupView {
    return this.groupView(this.main.h5, this.main, '/', '/');
  }

  /** The object at an absolute path, following links; null if there is none. */
  get(objPath: string): ObjectView | null {
    const found = this.lookup(objPath);
    return found === null || found.kind === 'dangling' ? null : found;
  }

  /** Names of the members of a group, in HDF5's (alphabetical) order. */
  keys(group: GroupView): string[] {
    const at = this.locate(group.path);
    if (at.kind !== 'found') return [];
    try {
      const g = at.file.h5.get(at.inner);
      return g !== null && 'keys' in g ? g.keys() : [];
    } catch {
      return [];
    }
  }

  /** A member of a group: an object, a dangling link, or null if no such name. */
  child(group: GroupView, name: string): ObjectView | DanglingView | null {
    return this.lookup(join(group.path, name));
  }

  /** How the last member of a path is linked: the checks treat soft and external links apart. */
  linkKind(objPath: string): 'soft' | 'external' | 'hard' | null {
    const parent = this.locate(objPath.slice(0, Math.max(1, objPath.lastIndexOf('/'))));
    if (parent.kind !== 'found') return null;
    const inner = join(parent.inner, objPath.slice(objPath.lastIndexOf('/') + 1));
    const h5 = parent.file.h5;
    try {
      if ((h5.get_external_link(inner) as { filename?: string }).filename !== undefined) {
        return 'external';
      }
      if (h5.get_link(inner) !== null) return 'soft';
      return h5.get_type(inner) >= 0 ? 'hard' : null;
    } catch {
      return null;
    }
  }

  private locate(objPath: string): Located {
    let found = this.located.get(objPath);
    if (found === undefined) {
      found = this.resolve(objPath);
      this.located.set(objPath, found);
    }
    return found;
  }

  /**
   * Whether `name` is linked in the group at `inner` (a path of hard links).
   * Unknown (null names: not a group, or unreadable) lets get_link decide.
   */
  private hasMember(file: OpenFile, inner: string, name: string): boolean {
    const key = `${file.name}\0${inner}`;
    let names = this.members.get(key);
    if (names === undefined) {
      try {
        names = new Set(new this.runtime.h5.Group(file.h5.file_id, inner).keys());
      } catch {
        names = null;
      }
      this.members.set(key, names);
    }
    return names === null || names.has(name);
  }

  /**
   * Resolves a path segment by segment, following soft links here (at most
   * MAX_SOFT_LINK_HOPS) and opening external files where the policy allows,
   * so that HDF5 itself is only ever handed paths made of hard links.
   */
  private resolve(objPath: string): Located {
    let file = this.main;
    let inner = '/';
    let hops = 0;
    let softHops = 0;
    const pending = segments(objPath);
    for (let part = pending.shift(); part !== undefined; part = pending.shift()) {
      const next = join(inner, part);
      let soft: string | null;
      let external: { filename?: string; obj_path?: string };
      try {
        // A name that is not there is the common case (every optional item).
        // Asked of get_link it is an HDF5 error, and one h5wasm survives only
        // so many of those (see hdf5-streams.ts); the group's names say it.
        if (!this.hasMember(file, inner, part)) {
          return softHops > 0 ? { kind: 'dangling', linkType: 'SoftLink' } : { kind: 'none' };
        }
        soft = file.h5.get_link(next);
        external = soft === null ? file.h5.get_external_link(next) : {};
      } catch {
        return softHops > 0 ? { kind: 'dangling', linkType: 'SoftLink' } : { kind: 'none' };
      }
      if (soft !== null) {
        if (++softHops > MAX_SOFT_LINK_HOPS) {
          return {
            kind: 'dangling',
            linkType: 'SoftLink',
            notFollowed: 'soft_link_chain_too_long',
          };
        }
        pending.unshift(...segments(soft));
        if (soft.startsWith('/')) inner = '/'; // a relative target is taken from the link's own group
        continue;
      }
      if (external.filename === undefined) {
        inner = next;
        continue;
      }
      const allowed = this.allowedExternal(file, external.filename);
      if (allowed === null) {
        return {
          kind: 'dangling',
          linkType: 'ExternalLink',
          notFollowed: 'external_link_not_followed',
        };
      }
      const target = hops++ < MAX_EXTERNAL_HOPS ? this.openExternal(allowed) : null;
      if (target === null) return { kind: 'dangling', linkType: 'ExternalLink' };
      file = target;
      inner = '/';
      pending.unshift(...segments(external.obj_path ?? '/'));
    }
    return { kind: 'found', file, inner };
  }

  /**
   * The real path of an external link's file when the policy lets it be
   * opened, else null. A relative name is taken next to the linking file only:
   * the working directory is no place a file should reach.
   */
  private allowedExternal(from: OpenFile, filename: string): string | null {
    if (this.externalLinks === 'never') return null;
    const name = path.isAbsolute(filename)
      ? filename
      : path.join(path.dirname(from.name), filename);
    let real: string;
    let root: string;
    try {
      real = realpathSync(name);
      root = realpathSync(this.externalLinks.allowedRoot);
    } catch {
      return null; // a file that does not exist is refused like one outside
    }
    return real.startsWith(root + path.sep) ? real : null;
  }

  private openExternal(name: string): OpenFile | null {
    if (!this.files.has(name)) {
      try {
        this.files.set(name, { name, h5: new this.runtime.h5.File(name, 'r') });
      } catch {
        this.files.set(name, null);
      }
    }
    return this.files.get(name) ?? null;
  }

  private lookup(objPath: string): ObjectView | DanglingView | null {
    const at = this.locate(objPath);
    if (at.kind === 'dangling') return { ...at, path: objPath };
    if (at.kind === 'none') return null;
    let entity: ReturnType<Group['get']>;
    try {
      entity = at.file.h5.get(at.inner);
    } catch {
      return null;
    }
    if (entity === null || !('type' in entity)) return null;
    switch (String(entity.type)) {
      case 'Group':
        return this.groupView(entity as Group, at.file, at.inner, objPath);
      case 'Dataset':
        return this.datasetView(entity as Dataset, at.file, at.inner, objPath);
      case 'BrokenSoftLink':
        return { kind: 'dangling', path: objPath, linkType: 'SoftLink' };
      case 'ExternalLink':
        return { kind: 'dangling', path: objPath, linkType: 'ExternalLink' };
      default:
        return null;
    }
  }

  /** Reads a value only when it is small enough; a larger one is noted and judged by nobody. */
  private boundedReader(
    where: string,
    type: H5Type,
    shape: readonly number[] | null,
    read: () => unknown,
  ): () => Scalar[] | null {
    if (valueBytes(type, shape) <= MAX_VALUE_BYTES) return reader(type, read);
    return () => {
      this.tooLarge.add(where);
      return null;
    };
  }

  private attrValue(attribute: Attribute, objPath: string): H5Value {
    const type = typeOf(attribute.metadata);
    const shape = attribute.shape;
    const where = `${objPath}/@${attribute.name}`;
    return { type, shape, values: this.boundedReader(where, type, shape, () => attribute.value) };
  }

  private attrsOf(obj: Group | Dataset, objPath: string): Pick<ObjectBase, 'attrNames' | 'attr'> {
    let attributes: Record<string, Attribute> = {};
    try {
      attributes = obj.attrs;
    } catch {
      /* an object whose attributes cannot be read has none for the checks */
    }
    return {
      attrNames: Object.keys(attributes),
      attr: (name) => {
        const a = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
        return a === undefined ? null : this.attrValue(a, objPath);
      },
    };
  }

  private groupView(g: Group, file: OpenFile, inner: string, objPath: string): GroupView {
    const attrs = this.attrsOf(g, objPath);
    return { kind: 'group', path: objPath, identity: identity(g, file, inner), ...attrs };
  }

  private datasetView(d: Dataset, file: OpenFile, inner: string, objPath: string): DatasetView {
    const meta = d.metadata;
    const type = typeOf(meta);
    return {
      kind: 'dataset',
      path: objPath,
      identity: identity(d, file, inner),
      type,
      shape: meta.shape,
      values: this.boundedReader(objPath, type, meta.shape, () => d.value),
      ...this.attrsOf(d, objPath),
    };
  }
}

/** HDF5 object addresses are unique within one file: the identity is file plus address. */
function identity(obj: Group | Dataset, file: OpenFile, inner: string): string {
  try {
    return `${file.name}#${Buffer.from(obj.create_reference().ref_data).toString('hex')}`;
  } catch {
    return `${file.name}:${inner}`;
  }
}
