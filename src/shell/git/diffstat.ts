// Line counts of a change as git's diffstat prints them: the summary line
// (` 2 files changed, 3 insertions(+), 1 deletion(-)`), the per-file graph
// of `git diff --stat`, and the `create mode` lines `git commit` shows.
import * as git from 'isomorphic-git';
import { byteOrder, type GitRun } from './run.ts';

export interface Entry {
  oid: string;
  /** 100644, 100755, 120000 ... as git writes it. */
  mode: string;
}

export interface FileStat {
  path: string;
  added: number;
  deleted: number;
  binary: boolean;
  /** Bytes before and after (shown for binary files). */
  sizes: [number, number];
  /** The path it had before, when it was renamed (an exact rename: 100% similar). */
  from?: string;
  /** Present when the file was created or deleted. */
  created?: string;
  deletedMode?: string;
}

/** Every file of the index, by path. */
export async function indexEntries(run: GitRun, dir: string): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  await git.walk({
    fs: run.gfs,
    dir,
    cache: run.cache,
    trees: [git.STAGE()],
    map: async (path, [e]) => {
      if (!e || path === '.') return true;
      if ((await e.type()) === 'blob') out.set(path, { oid: await e.oid(), mode: (await e.mode()).toString(8) });
      return true;
    },
  });
  return out;
}

/** Every file of a tree, by path. */
export async function flattenTree(run: GitRun, dir: string, oid: string | null, base = ''): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  if (!oid) return out;
  const { tree } = await git.readTree({ fs: run.gfs, dir, oid, cache: run.cache });
  for (const e of tree) {
    const path = base + e.path;
    if (e.type === 'tree') for (const [p, v] of await flattenTree(run, dir, e.oid, `${path}/`)) out.set(p, v);
    else out.set(path, { oid: e.oid, mode: e.mode });
  }
  return out;
}

const dec = new TextDecoder();

function lines(data: Uint8Array): string[] | null {
  if (data.subarray(0, 8000).includes(0)) return null;
  const text = dec.decode(data);
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

/** The edit distance in lines (Myers): insertions and deletions of the shortest edit script. */
export function lineChanges(a: string[], b: string[]): { added: number; deleted: number } {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        const common = (n + m - d) / 2;
        return { added: m - common, deleted: n - common };
      }
    }
  }
  return { added: m, deleted: n };
}

/** The changes from `before` to `after`; `read` gives a side's bytes (null: the file is absent on that side). */
export async function fileStats(
  paths: string[],
  read: (path: string, side: 'before' | 'after') => Promise<Uint8Array | null>,
  modes: (path: string) => { before?: string; after?: string },
  renames: ReadonlyMap<string, string> = new Map(),
): Promise<FileStat[]> {
  const out: FileStat[] = [];
  const gone = new Set(renames.values());
  for (const path of [...paths].filter((p) => !gone.has(p)).sort(byteOrder)) {
    const from = renames.get(path);
    const [a, b] = [await read(from ?? path, 'before'), await read(path, 'after')];
    const la = a ? lines(a) : [];
    const lb = b ? lines(b) : [];
    const m = from ? { before: modes(from).before, after: modes(path).after } : modes(path);
    if (from) {
      out.push({ path, from, added: 0, deleted: 0, binary: false, sizes: [a?.length ?? 0, b?.length ?? 0] });
      continue;
    }
    const stat: FileStat = { path, added: 0, deleted: 0, binary: la === null || lb === null, sizes: [a?.length ?? 0, b?.length ?? 0] };
    if (!stat.binary) Object.assign(stat, lineChanges(la!, lb!));
    if (!a && m.after) stat.created = m.after;
    if (!b && m.before) stat.deletedMode = m.before;
    out.push(stat);
  }
  return out;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** ` 2 files changed, 2 insertions(+)` (git's print_stat_summary). */
export function summaryLine(stats: FileStat[]): string {
  const ins = stats.reduce((s, f) => s + f.added, 0);
  const del = stats.reduce((s, f) => s + f.deleted, 0);
  let out = ` ${plural(stats.length, 'file changed', 'files changed')}`;
  if (ins || !del) out += `, ${plural(ins, 'insertion(+)', 'insertions(+)')}`;
  if (del || !ins) out += `, ${plural(del, 'deletion(-)', 'deletions(-)')}`;
  return out + '\n';
}

/** `create mode 100644 a.txt` / `delete mode ...` lines (git commit's summary). */
export function modeLines(stats: FileStat[]): string {
  let out = '';
  for (const f of stats) {
    if (f.from) out += ` rename ${renameName(f.from, f.path)} (100%)\n`;
    else if (f.created) out += ` create mode ${f.created} ${f.path}\n`;
    else if (f.deletedMode) out += ` delete mode ${f.deletedMode} ${f.path}\n`;
  }
  return out;
}

/** `git diff --stat` without a terminal: 80 columns, names padded, a +/- graph scaled to fit. */
export function statGraph(stats: FileStat[]): string {
  if (!stats.length) return '';
  const width = 80;
  const shown = (f: FileStat) => (f.from ? renameName(f.from, f.path) : f.path);
  const nameWidth = Math.max(...stats.map((f) => shown(f).length));
  const maxChange = Math.max(...stats.map((f) => f.added + f.deleted));
  const numWidth = Math.max(String(maxChange).length, stats.some((f) => f.binary) ? 3 : 0);
  // git: the graph gets what is left of the line after " name | num "
  let graphWidth = Math.max(6, width - nameWidth - numWidth - 4);
  if (maxChange < graphWidth) graphWidth = maxChange;
  const scale = (n: number) => (maxChange <= graphWidth || n === 0 ? n : Math.max(1, Math.round((n * graphWidth) / maxChange)));
  let out = '';
  for (const f of stats) {
    const name = shown(f).padEnd(nameWidth);
    if (f.binary) {
      out += ` ${name} | Bin ${f.sizes[0]} -> ${f.sizes[1]} bytes\n`;
      continue;
    }
    const total = f.added + f.deleted;
    const graph = '+'.repeat(scale(f.added)) + '-'.repeat(scale(f.deleted));
    out += ` ${name} | ${String(total).padStart(numWidth)}${graph ? ' ' + graph : ''}\n`;
  }
  return out + summaryLine(stats);
}

/** Exact renames among the changes: an added path whose blob a deleted path had (new path → old path). */
export function exactRenames(before: ReadonlyMap<string, Entry>, after: ReadonlyMap<string, Entry>): Map<string, string> {
  const deleted = [...before.keys()].filter((p) => !after.has(p)).sort(byteOrder);
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const p of [...after.keys()].filter((x) => !before.has(x)).sort(byteOrder)) {
    const from = deleted.find((d) => !used.has(d) && before.get(d)!.oid === after.get(p)!.oid);
    if (!from) continue;
    used.add(from);
    out.set(p, from);
  }
  return out;
}

/** git's pprint_rename: `a.txt => b.txt`, or the common directories outside braces (`d/{a => b}`). */
export function renameName(a: string, b: string): string {
  let pfx = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === '/') pfx = i + 1;
  let sfx = 0;
  const adjust = pfx ? 1 : 0;
  // from the terminating NUL back, at most one character into the prefix (its slash)
  for (let i = a.length, j = b.length; i >= pfx - adjust && j >= pfx - adjust; i--, j--) {
    const ca = i === a.length ? '' : a[i];
    const cb = j === b.length ? '' : b[j];
    if (ca !== cb) break;
    if (ca === '/') sfx = a.length - i;
  }
  const aMid = a.slice(pfx, Math.max(pfx, a.length - sfx));
  const bMid = b.slice(pfx, Math.max(pfx, b.length - sfx));
  if (!pfx && !sfx) return `${a} => ${b}`;
  return `${a.slice(0, pfx)}{${aMid} => ${bMid}}${a.slice(a.length - sfx)}`;
}
