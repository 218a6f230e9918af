// `docker diff`: what a container's read-write layer changed, compared with
// the layers below it (the image and the container's init layer).
//
// Docker 20.10's overlay2 driver answers with the "naive" diff: both views
// are mounted and walked together (moby pkg/archive ChangesDirs / addChanges):
//   * an entry in the container but not below is A, and so is everything
//     under a new directory;
//   * an entry below but not in the container is D (only the top of a
//     deleted tree);
//   * an entry in both is C when its type, permission bits, owner or group
//     differ, or, for non-directories, its size or mtime (a directory's size
//     and mtime never count; mtimes compare to the second when either side
//     has no sub-second part, as tar-extracted files do);
//   * a directory that is not itself A or C but has changes somewhere below
//     is C, listed just before them.
// Within a directory Docker lists the entries the container has first (with
// everything under each one), then the deleted ones; each group comes in Go
// map order, which is random from one call to the next. This module sorts
// each group by name, which always gives one of the orders Docker prints;
// `order: 'path'` sorts the whole list by path instead.
import type { Entry, LayerTree } from '../layer/tree.ts';
import { compareNames, sortedNames } from '../layer/tree.ts';
import { mergedChild, mergedNames, mergedRoot } from './union.ts';
import type { MergedNode } from './union.ts';

export type ChangeKind = 'A' | 'C' | 'D';

export interface Change {
  kind: ChangeKind;
  /** Absolute path. */
  path: string;
}

export interface DiffOptions {
  /** 'docker' (default): Docker's tree order, groups sorted; 'path': sorted by path. */
  order?: 'docker' | 'path';
}

/** The changes `rw` makes over `lowers` (top to bottom), as `docker diff` lists them. */
export function containerChanges(rw: LayerTree, lowers: readonly LayerTree[], options: DiffOptions = {}): Change[] {
  const out: Change[] = [];
  const newRoot = mergedRoot([rw, ...lowers]);
  const oldRoot = lowers.length > 0 ? mergedRoot(lowers, 1) : null;
  visit(out, '', rw.root, newRoot, oldRoot, true);
  if (options.order === 'path') out.sort((a, b) => compareNames(a.path, b.path));
  return out;
}

/** `docker diff`'s output lines ("C /etc\n..."). */
export function formatChanges(changes: readonly Change[]): string {
  let s = '';
  for (const c of changes) s += `${c.kind} ${c.path}\n`;
  return s;
}

/**
 * One directory the read-write layer holds. `upper` is that layer's entry,
 * `now` the merged container view, `old` the merged view below (null when the
 * path is new or was not a directory), `listed` whether the directory itself
 * is already A or C (or is the root).
 */
function visit(out: Change[], path: string, upper: Entry, now: MergedNode, old: MergedNode | null, listed: boolean): void {
  const start = out.length;
  const kids = upper.childMap();
  if (kids !== undefined) {
    for (const name of sortedNames(kids)) {
      const e = kids.get(name)!;
      if (e.kind === 'whiteout') continue;
      const childPath = `${path}/${name}`;
      const before = old === null ? null : mergedChild(old, name);
      let childListed = false;
      if (before === null) {
        out.push({ kind: 'A', path: childPath });
        childListed = true;
      } else if (statDifferent(before.entry, e)) {
        out.push({ kind: 'C', path: childPath });
        childListed = true;
      }
      if (e.kind === 'dir') {
        const child = mergedChild(now, name)!;
        visit(out, childPath, e, child, before !== null && before.entry.kind === 'dir' ? before : null, childListed);
      }
    }
  }
  if (old !== null) {
    // What was below and is gone: whited out, or hidden by this directory being opaque.
    const hidesAll = upper.opaque || now.dirs!.length === 1;
    const deleted: string[] = [];
    if (hidesAll) {
      for (const name of mergedNames(old)) {
        const e = kids?.get(name);
        if (e === undefined || e.kind === 'whiteout') deleted.push(name);
      }
    } else if (kids !== undefined) {
      for (const [name, e] of kids) if (e.kind === 'whiteout' && mergedChild(old, name) !== null) deleted.push(name);
      deleted.sort(compareNames);
    }
    for (const name of deleted) out.push({ kind: 'D', path: `${path}/${name}` });
  }
  if (out.length > start && !listed) out.splice(start, 0, { kind: 'C', path });
}

/** moby's statDifferent (unix) over our entries; no devices, no capabilities. */
function statDifferent(a: Entry, b: Entry): boolean {
  if (a.kind !== b.kind || a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid) return true;
  if (a.kind === 'dir') return false;
  return !sameFsTime(a.mtime, b.mtime) || a.size !== b.size;
}

/** Equal, or the same second with one side on a whole second. */
function sameFsTime(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.floor(a / 1000) === Math.floor(b / 1000) && (a % 1000 === 0 || b % 1000 === 0);
}
