/**
 * The NeXus link convention: the object a link points at carries `@target`,
 * its own absolute path, so a reader (and a validator) can tell a link from a
 * copy and find the original. The technique entry links into the raw
 * entries, so each original it reaches gets its `@target` here.
 */
import { nodeAt, text, type NxGroupNode, type NxNode } from '#libs/nexus/src/index.js';

/** Sets `@target` on every object that a soft link under `linking` points at. */
export function markLinkTargets(root: NxGroupNode, linking: NxGroupNode): void {
  for (const child of linking.children.values()) markNode(root, child);
}

function markNode(root: NxGroupNode, node: NxNode): void {
  if (node.kind === 'group') {
    markLinkTargets(root, node);
    return;
  }
  if (node.kind !== 'softlink') return;
  const target = nodeAt(root, node.target);
  // A link into a link, or to nothing, has no original here to mark.
  if (target?.kind === 'group' || target?.kind === 'dataset') {
    target.attrs.set('target', text(node.target));
  }
}
