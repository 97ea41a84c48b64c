/**
 * Places nodes into the tree so that repeated data merges and nothing is lost.
 *
 * Events are applied in a fixed total order; when two of them set the same item
 * differently, the later one takes the item's place and the earlier one moves
 * into an NXcollection named `superseded` next to it (as `<name>_1`, `<name>_2`,
 * ... in the order they were replaced), with `@superseded_source` saying where it
 * came from. A collection rather than an NXlog: superseded values may be strings,
 * arrays of another shape or whole groups, and device events need not carry a
 * timestamp, so there is in general no time axis to put them on.
 */
import { freeName } from './nexus-names.js';
import { NO_UPLOADED_DATA, type UploadedData } from './uploaded-data.js';
import {
  group,
  isGroup,
  joinPath,
  nodesEqual,
  nxClassOf,
  text,
  type NxGroupNode,
  type NxNode,
} from './tree.js';

/** Attribute on a superseded item naming the event (or other source) that had set it. */
export const SUPERSEDED_SOURCE_ATTR = 'superseded_source';
export const SUPERSEDED_COLLECTION = 'superseded';

export class TreeMerger {
  readonly warnings: string[] = [];
  /** Where references to uploaded arrays and streams are looked up. */
  constructor(readonly uploads: UploadedData = NO_UPLOADED_DATA) {}

  /** Where the nodes placed from now on come from, e.g. `event e1`. */
  source = 'unknown source';
  private readonly origins = new WeakMap<NxNode, string>();
  private readonly collections = new WeakSet<NxGroupNode>();

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** True for the `superseded` collections this merger created. */
  isSupersededCollection(node: NxNode | undefined): boolean {
    return isGroup(node) && this.collections.has(node);
  }

  /** Puts `incoming` at `parent/name`, merging with or superseding what is already there. */
  place(parent: NxGroupNode, parentPath: string, name: string, incoming: NxNode): void {
    const existing = parent.children.get(name);
    if (existing === undefined) {
      this.insert(parent, name, incoming);
    } else if (isGroup(incoming) && this.collections.has(incoming)) {
      // Values already superseded while the incoming subtree was built: file them with ours.
      const { node: target } = this.collectionOf(parent, parentPath);
      for (const [childName, child] of incoming.children) {
        target.children.set(
          freeName(childName, (n) => target.children.has(n)),
          child,
        );
      }
    } else if (isGroup(existing) && this.collections.has(existing)) {
      // Received data outranks our bookkeeping: move the collection out of its way.
      parent.children.set(this.freeChildName(parent, SUPERSEDED_COLLECTION), existing);
      parent.children.delete(name);
      this.insert(parent, name, incoming);
    } else if (isGroup(existing) && isGroup(incoming) && mergeable(existing, incoming)) {
      const path = joinPath(parentPath, name);
      for (const [childName, child] of incoming.children)
        this.place(existing, path, childName, child);
    } else if (!nodesEqual(existing, incoming)) {
      const keptAt = this.supersede(parent, parentPath, name, existing);
      this.insert(parent, name, incoming);
      this.warn(
        `${joinPath(parentPath, name)}: ${this.originOf(incoming)} replaced the value from ` +
          `${this.originOf(existing)}; the earlier value is kept at ${keptAt}`,
      );
    }
  }

  private insert(parent: NxGroupNode, name: string, node: NxNode): void {
    parent.children.set(name, node);
    this.markOrigin(node);
  }

  /** Records the current source on `node` and every descendant not placed before. */
  private markOrigin(node: NxNode): void {
    if (this.origins.has(node)) return;
    this.origins.set(node, this.source);
    if (isGroup(node)) for (const child of node.children.values()) this.markOrigin(child);
  }

  private originOf(node: NxNode): string {
    return this.origins.get(node) ?? this.source;
  }

  private supersede(parent: NxGroupNode, parentPath: string, name: string, old: NxNode): string {
    const collection = this.collectionOf(parent, parentPath);
    const keptName = this.keep(collection.node, name, old);
    return joinPath(collection.path, keptName);
  }

  /** Adds `node` to a collection as `<name>_<n>` with the first free n, tagged with its origin. */
  private keep(collection: NxGroupNode, name: string, node: NxNode): string {
    let n = 1;
    while (collection.children.has(`${name}_${n}`)) n++;
    const keptName = `${name}_${n}`;
    if (node.kind === 'group' || node.kind === 'dataset') {
      if (!node.attrs.has(SUPERSEDED_SOURCE_ATTR)) {
        node.attrs.set(SUPERSEDED_SOURCE_ATTR, text(this.originOf(node)));
      }
    }
    collection.children.set(keptName, node);
    return keptName;
  }

  private collectionOf(
    parent: NxGroupNode,
    parentPath: string,
  ): { node: NxGroupNode; path: string } {
    for (const [name, child] of parent.children) {
      if (isGroup(child) && this.collections.has(child)) {
        return { node: child, path: joinPath(parentPath, name) };
      }
    }
    const node = group('NXcollection');
    this.collections.add(node);
    const name = this.freeChildName(parent, SUPERSEDED_COLLECTION);
    parent.children.set(name, node);
    return { node, path: joinPath(parentPath, name) };
  }

  private freeChildName(parent: NxGroupNode, base: string): string {
    return freeName(base, (n) => parent.children.has(n));
  }
}

/**
 * Two groups merge child by child when they are the same kind of thing. An NXlog
 * is one reading series: a second series for the same item replaces it whole
 * rather than being spliced sample by sample.
 */
function mergeable(existing: NxGroupNode, incoming: NxGroupNode): boolean {
  const cls = nxClassOf(existing);
  return cls !== undefined && cls === nxClassOf(incoming) && cls !== 'NXlog';
}
