// A layer tree as a plain, structured-cloneable value, and back. Compact:
// three parallel arrays instead of one object per entry; generated content
// stays its seed, a hard link stays a reference to the inode's first name,
// whiteouts and opaque directories stay what they are.
import { Entry, LayerTree, type EntryKind } from '../layer/tree.ts';
import { StateError } from './errors.ts';

export interface EncodedTree {
  /** Each entry's path relative to the root, in the tree's walk order (parents first). */
  paths: string[];
  /** Per entry, FIELDS numbers: kind, mode, uid, gid, mtime, size, flags. The root's come first. */
  meta: number[];
  /**
   * Per entry: a file's bytes (Uint8Array) or generated seed (number); a
   * symlink's target; for a second name of an inode (LINK), the index of the
   * entry holding its first name; null otherwise. The root's comes first.
   */
  data: Array<Uint8Array | string | number | null>;
}

const FIELDS = 7;
const KINDS: EntryKind[] = ['dir', 'file', 'symlink', 'whiteout'];
const LINK = 4;
const OPAQUE = 1;
const GENERATED = 2;

export function encodeTree(tree: LayerTree): EncodedTree {
  const paths: string[] = [];
  const meta: number[] = [];
  const data: EncodedTree['data'] = [];
  const first = new Map<Entry, number>();
  const put = (path: string, e: Entry) => {
    const index = paths.length;
    paths.push(path);
    const seen = e.kind === 'dir' ? undefined : first.get(e);
    if (seen !== undefined) {
      meta.push(LINK, 0, 0, 0, 0, 0, 0);
      data.push(seen);
      return;
    }
    if (e.kind !== 'dir') first.set(e, index);
    const generated = e.kind === 'file' && typeof e.data === 'number';
    meta.push(KINDS.indexOf(e.kind), e.mode, e.uid, e.gid, e.mtime, e.size, (e.opaque ? OPAQUE : 0) | (generated ? GENERATED : 0));
    if (e.kind === 'file') data.push(generated ? (e.data as number) : ((e.data as Uint8Array | null) ?? new Uint8Array(0)));
    else if (e.kind === 'symlink') data.push(e.target);
    else data.push(null);
  };
  put('', tree.root);
  for (const [path, e] of tree.walk()) put(path, e);
  return { paths, meta, data };
}

/** The tree back; throws StateError (naming `what`) on anything a saved tree cannot hold. */
export function decodeTree(value: unknown, what: string): LayerTree {
  const bad = (why: string): never => {
    throw StateError.damaged(`${what}: ${why}`);
  };
  if (!isObject(value)) return bad('not a file tree');
  const { paths, meta, data } = value as Partial<EncodedTree>;
  if (!Array.isArray(paths) || !Array.isArray(meta) || !Array.isArray(data)) return bad('not a file tree');
  const n = paths.length;
  if (n === 0 || meta.length !== n * FIELDS || data.length !== n || paths[0] !== '') return bad('its entries do not line up');
  const entries: Entry[] = [];
  const dirs = new Map<string, Entry>();
  for (let i = 0; i < n; i++) {
    const path = paths[i];
    if (typeof path !== 'string') return bad(`entry ${i} has no path`);
    const m = meta.slice(i * FIELDS, i * FIELDS + FIELDS);
    if (!m.every((x) => typeof x === 'number' && Number.isFinite(x))) return bad(`${path || '/'}: bad metadata`);
    const [kind, mode, uid, gid, mtime, size, flags] = m as number[] as [number, number, number, number, number, number, number];
    const d = data[i];
    let e: Entry;
    if (kind === LINK) {
      const target = typeof d === 'number' && Number.isInteger(d) && d >= 0 && d < i ? entries[d] : undefined;
      if (target === undefined || target.kind === 'dir') return bad(`${path}: a hard link to nothing`);
      e = target;
    } else {
      const k = KINDS[kind];
      if (k === undefined) return bad(`${path || '/'}: unknown kind ${kind}`);
      if (i === 0 && k !== 'dir') return bad('its root is not a directory');
      e = new Entry(k, mode & 0o7777, uid, gid, mtime, 0, null, (flags & OPAQUE) !== 0 && k === 'dir');
      if (k === 'file') {
        if (flags & GENERATED) {
          if (typeof d !== 'number' || !Number.isSafeInteger(size) || size < 0) return bad(`${path}: bad generated content`);
          e.setContent({ size, seed: d });
        } else {
          if (!(d instanceof Uint8Array)) return bad(`${path}: its content is missing`);
          e.setContent(d);
        }
      } else if (k === 'symlink') {
        if (typeof d !== 'string') return bad(`${path}: a symlink without a target`);
        e.data = d;
        e.size = size;
      }
    }
    entries.push(e);
    if (i === 0) {
      dirs.set('', e);
      continue;
    }
    const slash = path.lastIndexOf('/');
    const parent = dirs.get(slash < 0 ? '' : path.slice(0, slash));
    const name = path.slice(slash + 1);
    if (parent === undefined || name === '' || name === '.' || name === '..') return bad(`${path}: no parent directory`);
    parent.children().set(name, e);
    if (e.kind === 'dir') dirs.set(path, e);
  }
  return new LayerTree(entries[0]!);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}
