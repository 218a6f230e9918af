// A union (overlay) file system: one read-write layer over read-only layers,
// as overlayfs mounts a container's root. Lookups walk the layers top-down;
// a whiteout hides what lies beneath it, an opaque directory hides lower
// directories of the same path. Every change lands in the read-write layer:
// files and the directories above them are copied up first, deleting a lower
// entry leaves a whiteout, a directory created where a whiteout was becomes
// opaque. A UnionFs over a single layer is a plain file system (the host's).
import type { Clock } from '../platform.ts';
import { Entry, LayerTree, compareNames, readContent, splitPath } from '../layer/tree.ts';
import { FsError } from './types.ts';
import type { Fs, FileType, Stat } from './types.ts';

export type UnionChangeKind = 'copy-up' | 'create' | 'modify' | 'delete' | 'whiteout' | 'opaque';

export interface UnionChange {
  kind: UnionChangeKind;
  /** Absolute path, symlinks in its directories resolved. */
  path: string;
}

export interface UnionFsOptions {
  clock: Clock;
  /** Owner of created entries (default 0:0). */
  uid?: number;
  gid?: number;
}

/** Linux's limit on symlinks followed while resolving one path. */
export const MAX_SYMLINKS = 40;

/** What `stat` reports as a directory's size (ext4 under overlay2). */
export const DIR_SIZE = 4096;

/**
 * A directory of the merged view: the entry the topmost layer gives, and the
 * same directory in every layer that shows through (top-down, stopping at an
 * opaque directory, a whiteout or a non-directory).
 */
export interface MergedNode {
  entry: Entry;
  /** Index (into the union's layers) of the layer `entry` comes from. */
  layer: number;
  /** For directories: the merged layers' directories, top-down. */
  dirs: Entry[] | null;
  layers: number[] | null;
}

/** The merged root of `layers` (top first); `base` is added to the reported layer indices. */
export function mergedRoot(layers: readonly LayerTree[], base = 0): MergedNode {
  const dirs: Entry[] = [];
  const idx: number[] = [];
  for (let i = 0; i < layers.length; i++) {
    const r = layers[i]!.root;
    dirs.push(r);
    idx.push(i + base);
    if (r.opaque) break;
  }
  if (dirs.length === 0) throw new Error('a union needs at least one layer');
  return { entry: dirs[0]!, layer: idx[0]!, dirs, layers: idx };
}

/** Looks `name` up in a merged directory; null when absent or whited out. */
export function mergedChild(dir: MergedNode, name: string, minLayer = 0): MergedNode | null {
  const dirs = dir.dirs!;
  const layers = dir.layers!;
  let top: MergedNode | null = null;
  for (let i = 0; i < dirs.length; i++) {
    if (layers[i]! < minLayer) continue;
    const e = dirs[i]!.childMap()?.get(name);
    if (e === undefined) continue;
    if (top === null) {
      if (e.kind === 'whiteout') return null;
      if (e.kind !== 'dir') return { entry: e, layer: layers[i]!, dirs: null, layers: null };
      top = { entry: e, layer: layers[i]!, dirs: [e], layers: [layers[i]!] };
      if (e.opaque) break;
    } else {
      if (e.kind !== 'dir') break;
      top.dirs!.push(e);
      top.layers!.push(layers[i]!);
      if (e.opaque) break;
    }
  }
  return top;
}

/** The visible children of a merged directory, in byte order. */
export function mergedNames(dir: MergedNode, minLayer = 0): string[] {
  const seen = new Map<string, boolean>();
  const dirs = dir.dirs!;
  for (let i = 0; i < dirs.length; i++) {
    if (dir.layers![i]! < minLayer) continue;
    const kids = dirs[i]!.childMap();
    if (kids === undefined) continue;
    for (const [name, e] of kids) if (!seen.has(name)) seen.set(name, e.kind !== 'whiteout');
  }
  const out: string[] = [];
  for (const [name, visible] of seen) if (visible) out.push(name);
  return out.sort(compareNames);
}

/** A resolved path: the final node (null if absent) and the directories leading to it. */
interface Lookup {
  /** Merged directories from the root to the parent (the root alone for '/'). */
  stack: MergedNode[];
  /** Names leading from the root to the parent. */
  names: string[];
  /** Final component ('' for the root). */
  name: string;
  node: MergedNode | null;
}

export class UnionFs implements Fs {
  readonly layers: readonly LayerTree[];
  uid: number;
  gid: number;
  private readonly clock: Clock;
  private listeners: ((c: UnionChange) => void)[] | null = null;
  /** overlayfs (Linux ≥ 5.8) hard-links every whiteout of one mount to one inode. */
  private whiteoutInode: Entry | null = null;

  /** `layers[0]` is the read-write layer; the others are read-only, top to bottom. */
  constructor(layers: readonly LayerTree[], options: UnionFsOptions) {
    if (layers.length === 0) throw new Error('a union needs at least one layer');
    this.layers = layers;
    this.clock = options.clock;
    this.uid = options.uid ?? 0;
    this.gid = options.gid ?? 0;
  }

  get upper(): LayerTree {
    return this.layers[0]!;
  }

  /** Subscribes to changes (for the layers panel); returns the unsubscribe function. */
  onChange(cb: (c: UnionChange) => void): () => void {
    (this.listeners ??= []).push(cb);
    return () => {
      this.listeners = this.listeners?.filter((l) => l !== cb) ?? null;
    };
  }

  /** The index of the layer the entry at `path` comes from (lstat semantics), or undefined if none. */
  origin(path: string): number | undefined {
    try {
      return this.lookup(path, false).node?.layer;
    } catch (e) {
      if (e instanceof FsError) return undefined;
      throw e;
    }
  }

  // ---------------------------------------------------------------- reads

  lstat(path: string): Stat {
    return statOf(this.existing(path, false).entry);
  }

  stat(path: string): Stat {
    return statOf(this.existing(path, true).entry);
  }

  exists(path: string): boolean {
    try {
      return this.lookup(path, true).node !== null;
    } catch (e) {
      if (e instanceof FsError) return false;
      throw e;
    }
  }

  readdir(path: string): string[] {
    const n = this.existing(path, true);
    if (n.entry.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return mergedNames(n);
  }

  readFile(path: string): Uint8Array {
    const n = this.existing(path, true);
    if (n.entry.kind === 'dir') throw new FsError('EISDIR', path);
    return readContent(n.entry);
  }

  readlink(path: string): string {
    const n = this.existing(path, false);
    if (n.entry.kind !== 'symlink') throw new FsError('EINVAL', path);
    return n.entry.target;
  }

  // ---------------------------------------------------------------- writes

  writeFile(path: string, data: Uint8Array, opts: { append?: boolean; mode?: number } = {}): void {
    const l = this.lookup(path, true);
    const now = this.clock.now();
    if (l.node !== null) {
      const n = l.node;
      if (n.entry.kind === 'dir') throw new FsError('EISDIR', path);
      const e = this.copyUp(l);
      let bytes: Uint8Array;
      if (opts.append) {
        bytes = new Uint8Array(e.size + data.length);
        bytes.set(readContent(e), 0);
        bytes.set(data, e.size);
      } else bytes = data.slice();
      e.setContent(bytes);
      e.mtime = now;
      this.emit('modify', l);
      return;
    }
    const parent = this.upperParent(l);
    const e = Entry.file(data.slice(), { mode: opts.mode ?? 0o644, uid: this.uid, gid: this.gid, mtime: now });
    parent.children().set(l.name, e);
    parent.mtime = now;
    this.emit('create', l);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    if (opts.recursive) {
      const names = splitPath(path);
      let prefix = '';
      for (let i = 0; i < names.length; i++) {
        prefix += '/' + names[i];
        const l = this.lookup(prefix, true);
        if (l.node !== null) {
          if (l.node.entry.kind !== 'dir') throw new FsError(i === names.length - 1 ? 'EEXIST' : 'ENOTDIR', prefix);
          continue;
        }
        // A dangling symlink is in the way: mkdir(2) does not create its target.
        const own = this.lookup(prefix, false);
        if (own.node !== null) throw new FsError('EEXIST', prefix);
        this.createDir(own, i === names.length - 1 ? (opts.mode ?? 0o755) : 0o755);
      }
      return;
    }
    const l = this.lookup(path, false);
    if (l.node !== null) throw new FsError('EEXIST', path);
    this.createDir(l, opts.mode ?? 0o755);
  }

  rm(path: string, opts: { recursive?: boolean } = {}): void {
    const l = this.lookup(path, false);
    const n = l.node;
    if (n === null) throw new FsError('ENOENT', path);
    if (l.name === '' || l.stack.length === 0) throw new FsError('EBUSY', path);
    if (n.entry.kind === 'dir' && !opts.recursive && mergedNames(n).length > 0) throw new FsError('ENOTEMPTY', path);
    this.removeName(l);
  }

  rename(from: string, to: string): void {
    const src = this.lookup(from, false);
    if (src.node === null) throw new FsError('ENOENT', from);
    if (src.name === '') throw new FsError('EBUSY', from);
    const dst = this.lookup(to, false);
    if (dst.name === '') throw new FsError('EBUSY', to);
    const srcPath = pathOf(src);
    const dstPath = pathOf(dst);
    if (srcPath === dstPath) return;
    const s = src.node;
    if (s.entry.kind === 'dir' && dstPath.startsWith(srcPath + '/')) throw new FsError('EINVAL', to);
    if (dst.node !== null) {
      const d = dst.node;
      if (d.entry === s.entry) return; // two names of one inode: rename(2) does nothing
      if (s.entry.kind === 'dir') {
        if (d.entry.kind !== 'dir') throw new FsError('ENOTDIR', to);
        if (mergedNames(d).length > 0) throw new FsError('ENOTEMPTY', to);
      } else if (d.entry.kind === 'dir') throw new FsError('EISDIR', to);
    }
    const now = this.clock.now();
    // The moved entry: the read-write layer's own object when it holds the
    // whole of it (a file, or a directory no lower layer merges into), else a
    // copy-up (a deep one for directories: what `mv` makes of overlayfs' EXDEV).
    let moved: Entry;
    if (s.layer === 0 && (s.entry.kind !== 'dir' || s.dirs!.length === 1)) moved = s.entry;
    else {
      moved = s.entry.kind === 'dir' ? this.deepCopy(s) : s.entry.copy();
      this.emitPath('copy-up', srcPath);
    }
    // Take the source out, then put the entry at its destination.
    const srcParent = this.upperParent(src);
    this.unlinkUpper(src, srcParent);
    srcParent.mtime = now;
    const dstParent = this.upperParent(this.lookup(to, false));
    const lowerAtDst = mergedChild(dst.stack[dst.stack.length - 1]!, dst.name, 1) !== null;
    if (moved.kind === 'dir' && lowerAtDst) moved.opaque = true;
    dstParent.children().set(dst.name, moved);
    dstParent.mtime = now;
    this.emitPath('create', dstPath);
  }

  symlink(target: string, path: string): void {
    const l = this.lookup(path, false);
    if (l.node !== null) throw new FsError('EEXIST', path);
    if (target === '') throw new FsError('ENOENT', path);
    const now = this.clock.now();
    const parent = this.upperParent(l);
    parent.children().set(l.name, Entry.symlink(target, { uid: this.uid, gid: this.gid, mtime: now }));
    parent.mtime = now;
    this.emit('create', l);
  }

  /** A hard link (not part of Fs): both names share one inode; a lower file is copied up first. */
  link(existing: string, path: string): void {
    const src = this.lookup(existing, false);
    if (src.node === null) throw new FsError('ENOENT', existing);
    if (src.node.entry.kind === 'dir') throw new FsError('EISDIR', existing);
    const dst = this.lookup(path, false);
    if (dst.node !== null) throw new FsError('EEXIST', path);
    const e = this.copyUp(src);
    const now = this.clock.now();
    const parent = this.upperParent(this.lookup(path, false));
    parent.children().set(dst.name, e);
    parent.mtime = now;
    this.emit('create', dst);
  }

  chmod(path: string, mode: number): void {
    const l = this.lookup(path, true);
    if (l.node === null) throw new FsError('ENOENT', path);
    const e = this.copyUp(l);
    e.mode = mode & 0o7777;
    this.emit('modify', l);
  }

  /** Changes the owner (not part of Fs; follows symlinks like chown(2)). */
  chown(path: string, uid: number, gid: number): void {
    const l = this.lookup(path, true);
    if (l.node === null) throw new FsError('ENOENT', path);
    const e = this.copyUp(l);
    e.uid = uid;
    e.gid = gid;
    this.emit('modify', l);
  }

  utimes(path: string, mtime: number): void {
    const l = this.lookup(path, true);
    if (l.node === null) throw new FsError('ENOENT', path);
    const e = this.copyUp(l);
    e.mtime = mtime;
    this.emit('modify', l);
  }

  // ---------------------------------------------------------------- path resolution

  private existing(path: string, follow: boolean): MergedNode {
    const n = this.lookup(path, follow).node;
    if (n === null) throw new FsError('ENOENT', path);
    return n;
  }

  /**
   * Resolves `path`: every directory component through symlinks (absolute
   * targets from the union's root), the last one too when `follow`. A
   * missing last component is not an error (node null); a missing directory is.
   */
  private lookup(path: string, follow: boolean): Lookup {
    const root = mergedRoot(this.layers);
    let comps = splitPath(path);
    const trailingSlash = /\/\.?$/.test(path) && comps.length > 0;
    let i = 0;
    let links = 0;
    const stack: MergedNode[] = [root];
    const names: string[] = [];
    for (;;) {
      if (i === comps.length) {
        // Ended on the root, '.' or '..': the node is the top of the stack.
        const node = stack.pop()!;
        const name = names.pop() ?? '';
        if (stack.length === 0) return { stack: [], names: [], name: '', node };
        return { stack, names, name, node };
      }
      const c = comps[i++]!;
      if (c === '..') {
        if (stack.length > 1) {
          stack.pop();
          names.pop();
        }
        continue;
      }
      const dir = stack[stack.length - 1]!;
      const last = i === comps.length;
      const child = mergedChild(dir, c);
      if (child === null) {
        if (last) return { stack, names, name: c, node: null };
        throw new FsError('ENOENT', path);
      }
      if (child.entry.kind === 'symlink' && (!last || follow || trailingSlash)) {
        if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', path);
        const target = child.entry.target;
        if (target.startsWith('/')) {
          stack.length = 1;
          names.length = 0;
        }
        comps = [...splitPath(target), ...comps.slice(i)];
        i = 0;
        continue;
      }
      if (last) {
        if (trailingSlash && child.entry.kind !== 'dir') throw new FsError('ENOTDIR', path);
        return { stack, names, name: c, node: child };
      }
      if (child.entry.kind !== 'dir') throw new FsError('ENOTDIR', path);
      stack.push(child);
      names.push(c);
    }
  }

  // ---------------------------------------------------------------- the read-write layer

  /**
   * The read-write layer's copy of the directory holding `l`'s last
   * component, copying up (metadata only, as overlayfs does) every directory
   * on the way that only lower layers have.
   */
  private upperParent(l: Lookup): Entry {
    let upper = this.upper.root;
    let path = '';
    for (let i = 1; i < l.stack.length; i++) {
      const name = l.names[i - 1]!;
      path += '/' + name;
      const kids = upper.children();
      let next = kids.get(name);
      if (next === undefined || next.kind !== 'dir') {
        next = l.stack[i]!.entry.copy();
        kids.set(name, next);
        this.emitPath('copy-up', path);
      }
      upper = next;
    }
    return upper;
  }

  /** The read-write layer's entry for `l`'s node, copied up (with its parents) if a lower layer holds it. */
  private copyUp(l: Lookup): Entry {
    const n = l.node!;
    if (n.layer === 0) return n.entry;
    if (l.name === '') {
      // The root: the read-write layer always has one.
      return this.upper.root;
    }
    const parent = this.upperParent(l);
    const kids = parent.children();
    const existing = kids.get(l.name);
    if (existing !== undefined && existing.kind === n.entry.kind && existing.kind === 'dir') return existing;
    const e = n.entry.copy();
    kids.set(l.name, e);
    this.emit('copy-up', l);
    return e;
  }

  private createDir(l: Lookup, mode: number): void {
    if (l.name === '') throw new FsError('EEXIST', '/');
    const now = this.clock.now();
    const parent = this.upperParent(l);
    const kids = parent.children();
    const e = Entry.dir({ mode, uid: this.uid, gid: this.gid, mtime: now });
    // Created where a whiteout hides a lower entry: opaque, so nothing below shows through.
    const opaque = kids.get(l.name)?.kind === 'whiteout';
    e.opaque = opaque;
    kids.set(l.name, e);
    parent.mtime = now;
    this.emit('create', l);
    if (opaque) this.emit('opaque', l);
  }

  /** Removes `l`'s node from the view: a whiteout if a lower layer shows something there, else a plain delete. */
  private removeName(l: Lookup): void {
    const now = this.clock.now();
    const parent = this.upperParent(l);
    const kind = this.unlinkUpper(l, parent);
    parent.mtime = now;
    this.emit(kind, l);
  }

  private unlinkUpper(l: Lookup, upperParent: Entry): 'whiteout' | 'delete' {
    const dir = l.stack[l.stack.length - 1]!;
    const kids = upperParent.children();
    if (mergedChild(dir, l.name, 1) !== null) {
      kids.set(l.name, this.whiteout());
      return 'whiteout';
    }
    kids.delete(l.name);
    return 'delete';
  }

  private whiteout(): Entry {
    return (this.whiteoutInode ??= Entry.whiteout({ mtime: this.clock.now() }));
  }

  /** A complete copy of a merged directory (entries the read-write layer owns are reused, not copied). */
  private deepCopy(n: MergedNode): Entry {
    const d = n.entry.copy();
    for (const name of mergedNames(n)) {
      const c = mergedChild(n, name)!;
      let e: Entry;
      if (c.entry.kind === 'dir') e = this.deepCopy(c);
      else e = c.layer === 0 ? c.entry : c.entry.copy();
      d.children().set(name, e);
    }
    return d;
  }

  private emit(kind: UnionChangeKind, l: Lookup): void {
    this.upper.version++;
    if (this.listeners !== null) this.emitPath(kind, pathOf(l));
  }

  private emitPath(kind: UnionChangeKind, path: string): void {
    this.upper.version++;
    if (this.listeners === null) return;
    for (const cb of [...this.listeners]) cb({ kind, path });
  }
}

function pathOf(l: Lookup): string {
  if (l.name === '') return '/';
  return '/' + [...l.names, l.name].join('/');
}

function statOf(e: Entry): Stat {
  const type: FileType = e.kind === 'dir' ? 'dir' : e.kind === 'symlink' ? 'symlink' : 'file';
  const size = e.kind === 'dir' ? DIR_SIZE : e.size;
  return { type, mode: e.mode, uid: e.uid, gid: e.gid, size, mtime: e.mtime };
}
