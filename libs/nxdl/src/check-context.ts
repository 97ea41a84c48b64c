/** State shared by the checks of one file: the file, the rules, the findings. */
import { Findings } from './findings.js';
import type { DanglingView, DatasetView, GroupView, ObjectView } from './h5-view.js';
import { FileView } from './h5-view.js';
import { NxdlLibrary } from './nxdl-library.js';
import { joinPath, normalize } from './paths.js';
import { MAX_OBJECTS, MAX_SOFT_LINK_HOPS } from './limits.js';
import { asText } from './values.js';

export class CheckContext {
  readonly findings = new Findings();
  readonly seenGroups = new Set<string>();
  readonly checkedTransforms = new Set<string>();
  /** Transformations whose depends_on chain was followed already: a fan-out of chains is walked once. */
  readonly followedChains = new Set<string>();
  /** Members seen so far, over the whole file. */
  private objects = 0;
  /** Lengths of NXDL dimension symbols seen so far in the entry being validated. */
  symbols = new Map<string, { size: number; path: string }>();

  constructor(
    readonly view: FileView,
    readonly lib: NxdlLibrary,
    readonly app: string | undefined,
  ) {}

  nxClass(obj: ObjectView | null): string | undefined {
    return obj === null ? undefined : this.attrText(obj, 'NX_class');
  }

  attrText(obj: ObjectView, name: string): string | undefined {
    return asText(obj.attr(name)?.values() ?? null);
  }

  hasAttr(obj: ObjectView, name: string): boolean {
    return obj.attrNames.includes(name);
  }

  /** The object at a path, or null when it does not exist or cannot be reached. */
  get(path: string): ObjectView | null {
    return this.view.get(path.startsWith('/') ? normalize(path) : `/${path}`);
  }

  getDataset(path: string): DatasetView | null {
    const obj = this.get(path);
    return obj?.kind === 'dataset' ? obj : null;
  }

  getGroup(path: string): GroupView | null {
    const obj = this.get(path);
    return obj?.kind === 'group' ? obj : null;
  }

  /**
   * Members of a group; links that cannot be resolved are reported and given
   * as null. Past MAX_OBJECTS members over the whole file the walk has seen
   * enough: that is reported once, and every further group has no members.
   */
  children(group: GroupView): [string, ObjectView | null][] {
    if (this.objects >= MAX_OBJECTS) return [];
    const names = this.view.keys(group);
    this.objects += names.length;
    if (this.objects >= MAX_OBJECTS) {
      this.findings.warn(
        group.path,
        'too_many_objects',
        `the file has more than ${MAX_OBJECTS} objects; the rest was not checked`,
      );
      return [];
    }
    return names.map((name) => [name, this.child(group, name)]);
  }

  private child(group: GroupView, name: string): ObjectView | null {
    const child: ObjectView | DanglingView | null = this.view.child(group, name);
    if (child !== null && child.kind !== 'dangling') return child;
    const path = joinPath(group.path, name);
    if (child?.notFollowed === 'external_link_not_followed') {
      // Where the link leads is not said: its target may be a file the caller may not read.
      this.findings.warn(
        path,
        'external_link_not_followed',
        'external link not followed: its file is outside what this validation may open',
      );
    } else if (child?.notFollowed === 'soft_link_chain_too_long') {
      this.findings.warn(
        path,
        'soft_link_chain_too_long',
        `more than ${MAX_SOFT_LINK_HOPS} soft links in a row (or a loop of them); not followed`,
      );
    } else {
      const linkType = child?.kind === 'dangling' ? child.linkType : 'HardLink';
      this.findings.warn(path, 'link-dangling', `link cannot be resolved (${linkType})`);
    }
    return null;
  }
}

/** Number of elements of a shape (0 for a null dataspace). */
export function sizeOf(shape: readonly number[] | null): number {
  return shape === null ? 0 : shape.reduce((n, d) => n * d, 1);
}

export function rankOf(ds: DatasetView): number {
  return ds.shape?.length ?? 0;
}
