// Path helpers for COPY and ADD: lexical cleaning as Go's path.Clean does,
// and symlink resolution confined to a root (moby/sys/symlink's
// FollowSymlinkInScope, containerd's fs.RootPath): an absolute link target
// starts again at the root, `..` stops at the root.
import { FsError } from '../../fs/types.ts';
import type { Fs } from '../../fs/types.ts';

/** Components of a `/`-separated path, `.` and empty ones dropped. */
export function components(p: string): string[] {
  return p.split('/').filter((c) => c !== '' && c !== '.');
}

/** path.Join("/", p): absolute and clean, `..` stopping at the root. */
export function cleanAbs(p: string): string {
  const out: string[] = [];
  for (const c of components(p)) {
    if (c === '..') out.pop();
    else out.push(c);
  }
  return '/' + out.join('/');
}

/** The cleaned relative path, or null when `..` climbs above the root (filepath.Join(root, p) leaves it). */
export function cleanWithin(p: string): string | null {
  const out: string[] = [];
  for (const c of components(p)) {
    if (c === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(c);
  }
  return out.join('/');
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(p: string): string {
  const c = components(p);
  return c.length === 0 ? '/' : c[c.length - 1]!;
}

/** FollowSymlinkInScope's limit. */
const MAX_LINKS = 255;

/**
 * Resolves every symlink of `p` (absolute) inside `fs`'s root, the last
 * component too. Components that do not exist are kept as written. Throws
 * FsError ENOTDIR when a file stands where a directory is needed (with
 * components after it), ELOOP after too many links.
 */
export function resolveInScope(fs: Fs, p: string): string {
  let todo = components(p);
  const done: string[] = [];
  let links = 0;
  while (todo.length > 0) {
    const c = todo.shift()!;
    if (c === '..') {
      done.pop();
      continue;
    }
    const cur = '/' + [...done, c].join('/');
    let st;
    try {
      st = fs.lstat(cur);
    } catch (e) {
      if (e instanceof FsError && e.code === 'ENOENT') {
        // Missing from here on: the rest is kept lexically (no more links to follow).
        return cleanAbs('/' + [...done, c, ...todo].join('/'));
      }
      throw e;
    }
    if (st.type === 'symlink') {
      if (++links > MAX_LINKS) throw new FsError('ELOOP', p);
      const target = fs.readlink(cur);
      if (target.startsWith('/')) done.length = 0;
      todo = [...components(target), ...todo];
      continue;
    }
    if (st.type !== 'dir' && todo.length > 0) throw new FsError('ENOTDIR', p);
    done.push(c);
  }
  return '/' + done.join('/');
}
