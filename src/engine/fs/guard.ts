// A process's view of a file system: the kernel's permission checks for a
// non-root user (owner/group/other bits, the sticky bit of /tmp), and a
// read-only root (`docker run --read-only`) where only the mounts Docker
// adds stay writable. Root on a writable root gets the file system itself.
import type { Credentials } from '../runtime/users.ts';
import { FsError, type Fs, type Stat } from './types.ts';

export interface GuardOptions {
  cred: Credentials;
  /** The root file system is read-only except where `writable(path)` says. */
  readOnly?: (path: string) => boolean;
}

const R = 4;
const W = 2;
const X = 1;

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

type Chownable = Fs & { chown?(path: string, uid: number, gid: number): void };

export function guardFs(fs: Chownable, o: GuardOptions): Fs {
  const { cred } = o;
  const root = cred.uid === 0;
  if (root && !o.readOnly) return fs;

  const allowed = (st: Stat, want: number): boolean => {
    if (root) return true;
    const bits = st.uid === cred.uid ? (st.mode >> 6) & 7 : cred.groups.includes(st.gid) || st.gid === cred.gid ? (st.mode >> 3) & 7 : st.mode & 7;
    return (bits & want) === want;
  };
  const need = (path: string, want: number, follow = true): void => {
    if (root) return;
    const st = follow ? fs.stat(path) : fs.lstat(path);
    if (!allowed(st, want)) throw new FsError('EACCES', path);
  };
  const writable = (path: string): void => {
    if (o.readOnly?.(path)) throw new FsError('EROFS', path);
  };
  /** Creating or removing a name in a directory. */
  const inDir = (path: string, removing: boolean): void => {
    const dir = parentOf(path);
    need(dir, W | X);
    if (removing && !root) {
      const d = fs.stat(dir);
      if (d.mode & 0o1000) {
        const st = fs.lstat(path);
        if (st.uid !== cred.uid && d.uid !== cred.uid) throw new FsError('EPERM', path);
      }
    }
  };
  const own = (path: string): void => {
    if (!root) fs.chown?.(path, cred.uid, cred.gid);
  };
  const owner = (path: string): void => {
    if (!root && fs.stat(path).uid !== cred.uid) throw new FsError('EPERM', path);
  };

  return {
    lstat: (p) => fs.lstat(p),
    stat: (p) => fs.stat(p),
    exists: (p) => fs.exists(p),
    readlink: (p) => fs.readlink(p),
    readdir(p) {
      need(p, R);
      return fs.readdir(p);
    },
    readFile(p) {
      need(p, R);
      return fs.readFile(p);
    },
    writeFile(p, data, opts) {
      const exists = fs.exists(p);
      if (exists && fs.stat(p).type === 'dir') throw new FsError('EISDIR', p);
      writable(p);
      if (exists) need(p, W);
      else inDir(p, false);
      fs.writeFile(p, data, opts);
      if (!exists) own(p);
    },
    mkdir(p, opts) {
      if (fs.exists(p)) return fs.mkdir(p, opts);
      writable(p);
      // the first missing ancestor is the directory whose permission counts
      let top = p;
      while (!fs.exists(parentOf(top)) && parentOf(top) !== top) top = parentOf(top);
      if (fs.exists(parentOf(top))) inDir(top, false);
      fs.mkdir(p, opts);
      for (let q = p; ; q = parentOf(q)) {
        own(q);
        if (q === top || q === '/') break;
      }
    },
    rm(p, opts) {
      fs.lstat(p);
      writable(p);
      inDir(p, true);
      fs.rm(p, opts);
    },
    rename(from, to) {
      fs.lstat(from);
      writable(from);
      writable(to);
      inDir(from, true);
      inDir(to, fs.exists(to));
      fs.rename(from, to);
    },
    symlink(target, p) {
      writable(p);
      inDir(p, false);
      fs.symlink(target, p);
    },
    chmod(p, mode) {
      writable(p);
      owner(p);
      fs.chmod(p, mode);
    },
    utimes(p, mtime) {
      writable(p);
      // touch: the owner, or anyone who may write the file
      if (!root && fs.stat(p).uid !== cred.uid) need(p, W);
      fs.utimes(p, mtime);
    },
  };
}
