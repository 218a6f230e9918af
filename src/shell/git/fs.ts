// The host's synchronous Fs seen through the promise file-system plugin
// isomorphic-git takes (`{ promises: { readFile, writeFile, ... } }`), with
// Node-style stats and errors (`err.code === 'ENOENT'`): FsError already
// carries the errno code isomorphic-git tests.
import { FsError, type Fs, type Stat } from '../../engine/fs/types.ts';

/** What isomorphic-git reads of a stat (as Node's fs.Stats). */
export interface GitStats {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
  ino: number;
  dev: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  ctimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

const TYPE_BITS = { file: 0o100000, dir: 0o040000, symlink: 0o120000 } as const;

function toStats(s: Stat): GitStats {
  return {
    type: s.type,
    mode: TYPE_BITS[s.type] | s.mode,
    size: s.size,
    ino: 0,
    dev: 0,
    uid: s.uid,
    gid: s.gid,
    mtimeMs: s.mtime,
    ctimeMs: s.mtime,
    isFile: () => s.type === 'file',
    isDirectory: () => s.type === 'dir',
    isSymbolicLink: () => s.type === 'symlink',
  };
}

type Encoding = string | { encoding?: string | null; mode?: number } | undefined;

function encodingOf(opts: Encoding): string | undefined {
  if (typeof opts === 'string') return opts;
  return opts?.encoding ?? undefined;
}

/** `a//b/` → `a/b`: isomorphic-git joins paths loosely. */
function clean(path: string): string {
  const p = path.replace(/\/+/g, '/');
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface PromiseFsApi {
  readFile(path: string, opts?: Encoding): Promise<Uint8Array | string>;
  writeFile(path: string, data: Uint8Array | string, opts?: Encoding): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, opts?: unknown): Promise<void>;
  rmdir(path: string): Promise<void>;
  rm(path: string, opts?: { recursive?: boolean }): Promise<void>;
  stat(path: string): Promise<GitStats>;
  lstat(path: string): Promise<GitStats>;
  readlink(path: string, opts?: Encoding): Promise<string | Uint8Array>;
  symlink(target: string, path: string): Promise<void>;
}

/** isomorphic-git's `fs` option over `fs`. Every call runs synchronously and settles at once. */
export function gitFs(fs: Fs): { promises: PromiseFsApi } {
  const run = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const promises: PromiseFsApi = {
    readFile: (path, opts) =>
      run(() => {
        const data = fs.readFile(clean(path));
        return encodingOf(opts) === 'utf8' ? dec.decode(data) : data;
      }),
    writeFile: (path, data, opts) =>
      run(() => {
        const p = clean(path);
        const mode = typeof opts === 'object' && opts?.mode !== undefined ? opts.mode & 0o7777 : undefined;
        if (fs.exists(p) && fs.lstat(p).type === 'dir') throw new FsError('EISDIR', p);
        fs.writeFile(p, typeof data === 'string' ? enc.encode(data) : data, mode === undefined ? undefined : { mode });
        if (mode !== undefined) fs.chmod(p, mode);
      }),
    unlink: (path) =>
      run(() => {
        const p = clean(path);
        if (fs.lstat(p).type === 'dir') throw new FsError('EISDIR', p);
        fs.rm(p);
      }),
    readdir: (path) => run(() => fs.readdir(clean(path))),
    mkdir: (path) =>
      run(() => {
        const p = clean(path);
        if (fs.exists(p) || isLink(fs, p)) throw new FsError('EEXIST', p);
        fs.mkdir(p);
      }),
    rmdir: (path) =>
      run(() => {
        const p = clean(path);
        if (fs.lstat(p).type !== 'dir') throw new FsError('ENOTDIR', p);
        if (fs.readdir(p).length > 0) throw new FsError('ENOTEMPTY', p);
        fs.rm(p);
      }),
    rm: (path, opts) => run(() => fs.rm(clean(path), { recursive: opts?.recursive ?? false })),
    stat: (path) => run(() => toStats(fs.stat(clean(path)))),
    lstat: (path) => run(() => toStats(fs.lstat(clean(path)))),
    readlink: (path, opts) =>
      run(() => {
        const target = fs.readlink(clean(path));
        return encodingOf(opts) === 'buffer' ? enc.encode(target) : target;
      }),
    symlink: (target, path) => run(() => fs.symlink(target, clean(path))),
  };
  return { promises };
}

function isLink(fs: Fs, p: string): boolean {
  try {
    return fs.lstat(p).type === 'symlink';
  } catch {
    return false;
  }
}
