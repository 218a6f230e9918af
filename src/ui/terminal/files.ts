// Files to take out of the page: what the prompt's commands wrote on a
// machine (an archive from `docker save -o`, `docker export`, a redirect or a
// pipe into gzip), offered for download. No DOM here (filesDownload.ts turns
// the bytes into a browser download).
//
// What a command wrote is known from the machine's file system itself: the
// host's UnionFs reports every create and modify (the layers panel reads the
// same events), so a command's writes are the paths reported between two
// ends of commands. That needs no scan of the disk after each command and no
// clock: it holds whether the virtual clock jumps or follows real time.
// Writes the page saw before a reload are not known; the list then falls back
// on the files of the working directory and the home directory, newest first.
import type { UnionChange } from '../../engine/fs/union.ts';
import type { Fs, Stat } from '../../engine/fs/types.ts';
import { FsError } from '../../engine/fs/types.ts';

/** The home directory of the prompt's user (root). */
export const HOME = '/root';

/** The most files the download list shows. */
export const LIST_LIMIT = 15;

/** The most written files remembered per machine. */
const RECENT_LIMIT = 50;

/** The most directory entries read when listing one directory. */
const DIR_READ_LIMIT = 500;

/** What a machine gives for tracking its writes. */
export interface WatchedMachine {
  readonly fs: Pick<Fs, 'lstat' | 'stat' | 'readdir'> & { onChange(cb: (c: UnionChange) => void): () => void };
  onCommand(listener: (e: { command: string; status: number }) => void): () => void;
}

/** A regular file offered for download. */
export interface FileEntry {
  /** Absolute path. */
  path: string;
  /** Its last component (the download's name). */
  name: string;
  size: number;
  mtime: number;
  /** Whether its name says it is an archive (tar, gzip...). */
  archive: boolean;
}

/** The files one command line wrote. */
export interface WrittenBatch {
  command: string;
  files: FileEntry[];
}

/** Archives by name: what `docker save`, `docker export`, tar and gzip write. */
const ARCHIVE = /\.(tar|tgz|gz|tar\.gz|txz|xz|tbz2?|bz2|zst|zip)$/i;

export function isArchive(name: string): boolean {
  return ARCHIVE.test(name);
}

/**
 * Where the machine's own files live, not the learner's: never offered
 * unasked (a `docker push` to the host's registry writes blobs under /var/lib,
 * a program installed writes under /usr).
 */
const SYSTEM = ['/proc/', '/sys/', '/dev/', '/run/', '/usr/', '/var/lib/', '/var/cache/', '/var/log/'];

/** Whether a written path is worth offering: the learner's files, not a program's or a hidden directory's (.git, .docker). */
export function isLearnerPath(path: string): boolean {
  if (SYSTEM.some((p) => path.startsWith(p))) return false;
  const dirs = path.split('/').slice(1, -1);
  return !dirs.some((d) => d.startsWith('.'));
}

/**
 * The files the prompt's commands wrote on one machine: collected from the
 * file system's change events, closed at the end of each command line.
 */
export class WrittenFiles {
  private pending = new Set<string>();
  /** Paths written, oldest first. */
  private recent: string[] = [];
  private listeners = new Set<(batch: WrittenBatch) => void>();
  private latest: WrittenBatch | null = null;

  constructor(private readonly machine: WatchedMachine) {
    machine.fs.onChange((c) => {
      if ((c.kind === 'create' || c.kind === 'modify') && isLearnerPath(c.path)) {
        // re-added at the end: the set keeps the order of the last write
        this.pending.delete(c.path);
        this.pending.add(c.path);
      }
    });
    machine.onCommand((e) => this.commandEnded(e.command));
  }

  /** Called with the files each command line wrote (only when it wrote some). */
  subscribe(listener: (batch: WrittenBatch) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Writes made outside the commands (a file dropped or picked): no command wrote them. */
  forget(paths: readonly string[]): void {
    for (const p of paths) this.pending.delete(p);
  }

  /** The last command's batch that held an archive, if any. */
  lastArchives(): WrittenBatch | null {
    return this.latest;
  }

  /** The written files that are still there as regular files, newest first. */
  written(): FileEntry[] {
    const out: FileEntry[] = [];
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const entry = fileEntry(this.machine.fs, this.recent[i]!);
      if (entry) out.push(entry);
    }
    return out;
  }

  private commandEnded(command: string): void {
    if (this.pending.size === 0) return;
    const paths = [...this.pending];
    this.pending.clear();
    const files: FileEntry[] = [];
    for (const path of paths) {
      const entry = fileEntry(this.machine.fs, path);
      if (!entry) continue;
      files.push(entry);
      const at = this.recent.indexOf(path);
      if (at >= 0) this.recent.splice(at, 1);
      this.recent.push(path);
    }
    if (this.recent.length > RECENT_LIMIT) this.recent.splice(0, this.recent.length - RECENT_LIMIT);
    if (files.length === 0) return;
    const batch = { command, files: files.reverse() };
    if (files.some((f) => f.archive)) this.latest = batch;
    for (const l of [...this.listeners]) l(batch);
  }
}

const trackers = new WeakMap<WatchedMachine, WrittenFiles>();

/** The one tracker of a machine (made the first time it is asked for). */
export function writtenFilesOf(machine: WatchedMachine): WrittenFiles {
  let t = trackers.get(machine);
  if (!t) {
    t = new WrittenFiles(machine);
    trackers.set(machine, t);
  }
  return t;
}

/** The regular file at `path` (symlinks followed), or null. */
export function fileEntry(fs: Pick<Fs, 'stat'>, path: string): FileEntry | null {
  let st: Stat;
  try {
    st = fs.stat(path);
  } catch (e) {
    if (e instanceof FsError) return null;
    throw e;
  }
  if (st.type !== 'file') return null;
  const name = baseName(path);
  return { path, name, size: st.size, mtime: st.mtime, archive: isArchive(name) };
}

/** The regular files directly in `dir`, newest first (nothing when it cannot be read). */
export function filesIn(fs: Pick<Fs, 'stat' | 'readdir'>, dir: string): FileEntry[] {
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch (e) {
    if (e instanceof FsError) return [];
    throw e;
  }
  const out: FileEntry[] = [];
  for (const name of names.slice(0, DIR_READ_LIMIT)) {
    const entry = fileEntry(fs, joinPath(dir, name));
    if (entry) out.push(entry);
  }
  return out.sort((a, b) => b.mtime - a.mtime || compare(a.name, b.name));
}

/**
 * The files the download list offers: those the commands wrote (newest
 * first), then the working directory's and the home directory's files,
 * newest first; each once, at most `limit`.
 */
export function downloadList(fs: Pick<Fs, 'stat' | 'readdir'>, cwd: string, written: readonly FileEntry[], limit = LIST_LIMIT): FileEntry[] {
  const seen = new Set<string>();
  const out: FileEntry[] = [];
  const add = (e: FileEntry) => {
    if (seen.has(e.path) || out.length >= limit) return;
    seen.add(e.path);
    out.push(e);
  };
  written.forEach(add);
  const dirs = cwd === HOME ? [cwd] : [cwd, HOME];
  const rest = dirs.flatMap((d) => filesIn(fs, d));
  rest.sort((a, b) => b.mtime - a.mtime || compare(a.path, b.path)).forEach(add);
  return out;
}

/** How the list names a file: relative to the working directory when inside it, else its absolute path. */
export function displayPath(path: string, cwd: string): string {
  const base = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return path.startsWith(base) ? path.slice(base.length) : path;
}

/** A path typed in the download field, against the working directory (`~` is the home directory). */
export function resolvePath(cwd: string, input: string): string {
  let p = input.trim();
  if (p === '~' || p.startsWith('~/')) p = HOME + p.slice(1);
  const parts = p.startsWith('/') ? [] : cwd.split('/').filter(Boolean);
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export type ReadResult =
  | { ok: true; name: string; bytes: Uint8Array }
  | { ok: false; reason: 'empty' | 'missing' | 'directory' | 'failed'; path: string; detail?: string };

/** The bytes of the file at `path` for a download, or why not. */
export function readForDownload(fs: Pick<Fs, 'stat' | 'readFile'>, path: string): ReadResult {
  if (path === '' || path === '/') return { ok: false, reason: path === '' ? 'empty' : 'directory', path };
  let st: Stat;
  try {
    st = fs.stat(path);
  } catch (e) {
    if (e instanceof FsError) return { ok: false, reason: e.code === 'ENOENT' || e.code === 'ENOTDIR' ? 'missing' : 'failed', path, detail: e.description };
    throw e;
  }
  if (st.type === 'dir') return { ok: false, reason: 'directory', path };
  try {
    return { ok: true, name: baseName(path), bytes: fs.readFile(path) };
  } catch (e) {
    if (e instanceof FsError) return { ok: false, reason: 'failed', path, detail: e.description };
    throw e;
  }
}

/** The media type a browser is told for a download. */
export function mediaType(name: string): string {
  if (/\.(tgz|gz)$/i.test(name)) return 'application/gzip';
  if (/\.tar$/i.test(name)) return 'application/x-tar';
  if (/\.(txt|md|json|yml|yaml|toml|conf|ini|sh|py|js|ts|log|csv)$/i.test(name) || /^(Dockerfile|Makefile|README)/.test(name)) return 'text/plain';
  return 'application/octet-stream';
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
