// docker cp in the engine, after moby's daemon/archive.go and go-archive's
// copy.go: a container path is read into an archive (a tree whose one top
// entry is the path's base name, or the directory's contents for `dir/.`),
// and an archive is extracted into a container directory, copying up into
// the read-write layer as any write does. Stopped containers take part too:
// their file system is mounted for the copy.
import { DaemonError } from '../errors/errors.ts';
import type { DaemonCore } from '../daemon.ts';
import { FsError, type Fs } from '../fs/types.ts';
import { Entry, LayerTree, readContent } from '../layer/tree.ts';
import type { ContainerRecord } from './container.ts';
import { mountContainer } from './fsevents.ts';

/** What moby's stat of a container path reports (the X-Docker-Container-Path-Stat header). */
export interface PathStat {
  name: string;
  size: number;
  mode: number;
  isDir: boolean;
  isSymlink: boolean;
  linkTarget: string;
  mtime: number;
}

/** An archive as the copy passes it on: the tree, and whether its source was a directory. */
export interface Archive {
  tree: LayerTree;
  stat: PathStat;
}

export const fileNotFound = (path: string, ref: string) =>
  new DaemonError('not-found', `Could not find the file ${path} in container ${ref}`);

/** The container's file system: the running task's, or a fresh mount of a stopped one. */
export function containerFs(core: DaemonCore, c: ContainerRecord): Fs {
  return core.tasks.get(c.id)?.fs ?? mountContainer(core, c);
}

/** The base name go-archive's SplitPathDirEntry gives: `.` for `dir/.`, the last name otherwise. */
export function splitDirEntry(path: string): { dir: string; base: string } {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const i = trimmed.lastIndexOf('/');
  const dir = i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i);
  return { dir, base: trimmed.slice(i + 1) || '/' };
}

/** Absolute, cleaned path (`..` and `.` folded) with the trailing `/` or `/.` the user typed kept. */
export function cleanPath(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const clean = '/' + out.join('/');
  if (/(^|\/)\.$/.test(path) && clean !== '/') return `${clean}/.`;
  if (path.endsWith('/') && clean !== '/') return `${clean}/`;
  return clean;
}

function statOf(fs: Fs, path: string, name: string): PathStat {
  const st = fs.lstat(path);
  return {
    name,
    size: st.size,
    mode: st.mode,
    isDir: st.type === 'dir',
    isSymlink: st.type === 'symlink',
    linkTarget: st.type === 'symlink' ? fs.readlink(path) : '',
    mtime: st.mtime,
  };
}

/** lstat that follows the path only up to its last name, and through it when the path asserts a directory. */
function lookup(fs: Fs, path: string, follow: boolean): PathStat | null {
  const asserted = path.endsWith('/') || path.endsWith('/.');
  const bare = path.replace(/\/\.$/, '').replace(/(.)\/+$/, '$1');
  try {
    const st = statOf(fs, bare, splitDirEntry(bare).base);
    if ((follow || asserted) && st.isSymlink) {
      const target = fs.stat(bare);
      return { ...st, isDir: target.type === 'dir', isSymlink: false, size: target.size, mode: target.mode };
    }
    if (asserted && !st.isDir) return null;
    return st;
  } catch (e) {
    if (e instanceof FsError) return null;
    throw e;
  }
}

/** Reads `path` of `fs` into a tree under `name` (`.`: the directory's contents at the top). */
export function readTree(fs: Fs, path: string, name: string, follow: boolean): LayerTree {
  const tree = new LayerTree();
  const bare = path.replace(/\/\.$/, '').replace(/(.)\/+$/, '$1') || '/';
  const add = (src: string, dst: string, deref: boolean) => {
    const st = deref ? fs.stat(src) : fs.lstat(src);
    const meta = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
    if (st.type === 'dir') {
      if (dst === '') tree.addDir('/', meta);
      else tree.addDir(dst, meta);
      for (const child of fs.readdir(src)) add(`${src === '/' ? '' : src}/${child}`, dst === '' ? child : `${dst}/${child}`, false);
    } else if (st.type === 'symlink') tree.addSymlink(dst, fs.readlink(src), meta);
    else tree.addFile(dst, fs.readFile(src), meta);
  };
  add(bare, name === '.' ? '' : name, follow);
  return tree;
}

/** moby ContainerArchivePath: the archive of a container path, with its stat. */
export function archivePath(core: DaemonCore, ref: string, path: string, follow = false): Archive {
  const c = core.container(ref);
  const fs = containerFs(core, c);
  const p = cleanPath(path);
  const stat = lookup(fs, p, follow);
  if (!stat) throw fileNotFound(path, ref);
  const name = p.endsWith('/.') ? '.' : stat.name;
  return { tree: readTree(fs, p, name, follow), stat };
}

/** moby ContainerStatPath. */
export function statPath(core: DaemonCore, ref: string, path: string): PathStat {
  const c = core.container(ref);
  const stat = lookup(containerFs(core, c), cleanPath(path), false);
  if (!stat) throw fileNotFound(path, ref);
  return stat;
}

/**
 * Untar into `dir` of `fs`: directories merge, anything else replaces what
 * was there. `rebase` renames the archive's top entry (go-archive's
 * RebaseArchiveEntries). `owner` sets every entry's owner: the archive's
 * own ids (`docker cp -a`), or one owner (the container's root; on the host,
 * the user running docker, as go-archive's NoLchown leaves it).
 */
export function extractTree(
  fs: Fs,
  dir: string,
  tree: LayerTree,
  rebase?: { from: string; to: string },
  now = 0,
  owner: 'archive' | { uid: number; gid: number } = { uid: 0, gid: 0 },
): void {
  const chown = (fs as Fs & { chown?(p: string, uid: number, gid: number): void }).chown?.bind(fs);
  const own = (path: string, e: Entry) => {
    if (!chown) return;
    if (owner === 'archive') chown(path, e.uid, e.gid);
    else chown(path, owner.uid, owner.gid);
  };
  const base = dir === '/' ? '' : dir.replace(/\/+$/, '');
  const rename = (rel: string) => {
    if (!rebase) return rel;
    // an archive of `dir/.` holds `./...`: renaming `.` puts it all under the new name
    if (rebase.from === '.') return `${rebase.to}/${rel}`;
    return rel === rebase.from || rel.startsWith(`${rebase.from}/`) ? rebase.to + rel.slice(rebase.from.length) : rel;
  };
  const entries: Array<[string, Entry]> = [...tree.walk()];
  if (rebase?.from === '.') entries.unshift(['', tree.root]);
  for (const [rel, e] of entries) {
    const name = rel === '' ? rebase!.to : rename(rel);
    const target = `${base}/${name}`;
    let existing: Entry['kind'] | 'none' = 'none';
    try {
      const st = fs.lstat(target);
      existing = st.type;
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
    }
    if (e.kind === 'dir') {
      if (existing !== 'dir') {
        if (existing !== 'none') fs.rm(target);
        fs.mkdir(target, { mode: e.mode });
      }
      fs.chmod(target, e.mode);
      own(target, e);
      continue;
    }
    if (existing === 'dir') throw new DaemonError('system', `cannot overwrite directory "${target}" with non-directory "${name}"`);
    if (existing !== 'none') fs.rm(target);
    if (e.kind === 'symlink') fs.symlink(String(e.data), target);
    else if (e.kind === 'file') {
      fs.writeFile(target, readContent(e), { mode: e.mode });
      fs.chmod(target, e.mode);
      own(target, e);
    }
  }
  // directory times last, as tar restores them after their contents
  for (const [rel, e] of entries) {
    if (e.kind !== 'dir') continue;
    const name = rel === '' ? rebase!.to : rename(rel);
    fs.utimes(`${base}/${name}`, e.mtime || now);
  }
}

/** The daemon host's passwd (Debian 12's base accounts): name, uid, gid. */
const HOST_PASSWD: Record<string, [number, number]> = {
  root: [0, 0], daemon: [1, 1], bin: [2, 2], sys: [3, 3], sync: [4, 65534], games: [5, 60], man: [6, 12], lp: [7, 7], mail: [8, 8],
  news: [9, 9], uucp: [10, 10], proxy: [13, 13], 'www-data': [33, 33], backup: [34, 34], list: [38, 38], irc: [39, 39], _apt: [42, 65534],
  nobody: [65534, 65534],
};

/**
 * moby's tarCopyOptions for `docker cp -a`: with a configured user, the
 * files go to that user as the daemon's HOST knows it: the whole User value
 * is looked up by name in the host's passwd (`1000` or `app:app` are not
 * found there); without one, the archive's ids stand.
 */
function containerOwner(c: ContainerRecord): 'archive' | { uid: number; gid: number } {
  const user = c.config.User ?? '';
  if (user === '') return 'archive';
  const entry = HOST_PASSWD[user];
  if (!entry) throw new DaemonError('system', `getent unable to find entry "${user}" in passwd database`);
  return { uid: entry[0], gid: entry[1] };
}

/**
 * moby ContainerExtractToDir: the archive goes into the container directory
 * `path`, which must exist. Its entries keep the ids their headers carry
 * (the client's), unless `copyUIDGID` (-a) gives them the container's user.
 * The user is checked before anything is written.
 */
export function extractToContainer(
  core: DaemonCore,
  ref: string,
  path: string,
  tree: LayerTree,
  rebase?: { from: string; to: string },
  copyUIDGID = false,
): void {
  const c = core.container(ref);
  const fs = containerFs(core, c);
  const p = cleanPath(path);
  const stat = lookup(fs, p, true);
  if (!stat) throw fileNotFound(path, ref);
  if (!stat.isDir) throw new DaemonError('invalid-parameter', 'extraction point is not a directory');
  extractTree(fs, p.replace(/\/\.?$/, '') || '/', tree, rebase, core.now(), copyUIDGID ? containerOwner(c) : 'archive');
}
