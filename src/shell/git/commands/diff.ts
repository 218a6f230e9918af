// git diff [--cached | --staged] [--stat] [--] [<path>...]: the working
// tree against the index, or (--cached) the index against HEAD, as a patch
// or a diffstat.
import * as git from 'isomorphic-git';
import { GitExit, prefixOf, requireRepo, findRepo, resolvePath, type GitRun } from '../run.ts';
import { exactRenames, fileStats, flattenTree, indexEntries, statGraph, type Entry } from '../diffstat.ts';
import { unifiedPatch } from '../patch.ts';

const NOT_A_REPO = 'warning: Not a git repository. Use --no-index to compare two paths outside a working tree\nusage: git diff --no-index [<options>] <path> <path>\n';

export async function diff(run: GitRun, argv: string[]): Promise<number> {
  if (!findRepo(run.fs, run.cwd)) throw new GitExit(129, NOT_A_REPO);
  const dir = requireRepo(run);
  let cached = false;
  let stat = false;
  const paths: string[] = [];
  for (const a of argv) {
    if (a === '--cached' || a === '--staged') cached = true;
    else if (a === '--stat') stat = true;
    else if (a === '--') continue;
    else if (a.startsWith('-')) throw new GitExit(255, `error: invalid option: ${a}\n`);
    else paths.push(prefixOf(dir, resolvePath(run.cwd, a)));
  }
  const index = await indexEntries(run, dir);
  let before: Map<string, Entry>;
  let after: Map<string, Entry>;
  const dec = new TextDecoder();
  const blob = async (oid: string) => (await git.readBlob({ fs: run.gfs, dir, oid, cache: run.cache })).blob;
  let read: (path: string, side: 'before' | 'after') => Promise<Uint8Array | null>;
  if (cached) {
    const head = await git.resolveRef({ fs: run.gfs, dir, ref: 'HEAD' }).catch(() => null);
    const tree = head ? (await git.readCommit({ fs: run.gfs, dir, oid: head, cache: run.cache })).commit.tree : null;
    before = await flattenTree(run, dir, tree);
    after = index;
    read = async (path, side) => {
      const e = (side === 'before' ? before : after).get(path);
      return e ? blob(e.oid) : null;
    };
  } else {
    before = index;
    after = new Map();
    const matrix = await git.statusMatrix({ fs: run.gfs, dir, cache: run.cache });
    for (const [path, , workdir, stage] of matrix) {
      if (stage === 0) continue;
      const e = index.get(path)!;
      if (workdir === 0) continue;
      // unchanged against the index: same entry; changed: hashed from the file
      const changed = stage === 3 || (stage === 1 && workdir === 2);
      after.set(path, changed ? { oid: '', mode: e.mode } : e);
    }
    read = async (path, side) => {
      if (side === 'before') return blob(before.get(path)!.oid);
      if (!after.has(path)) return null;
      return run.fs.readFile(`${dir === '/' ? '' : dir}/${path}`);
    };
    for (const [path, e] of after) if (!e.oid) e.oid = (await git.hashBlob({ object: (await read(path, 'after'))! })).oid;
  }
  const inScope = (p: string) => !paths.length || paths.some((s) => s === '' || p === s || p.startsWith(`${s}/`));
  const changed = new Set<string>();
  for (const [p, e] of before) if (inScope(p) && (after.get(p)?.oid !== e.oid || after.get(p)?.mode !== e.mode)) changed.add(p);
  for (const p of after.keys()) if (inScope(p) && !before.has(p)) changed.add(p);
  const modes = (p: string) => ({ before: before.get(p)?.mode, after: after.get(p)?.mode });
  // renames are found between HEAD and the index (a new file in the working tree is untracked)
  const renames = cached ? new Map([...exactRenames(before, after)].filter(([p, from]) => changed.has(p) && changed.has(from))) : new Map<string, string>();
  if (stat) {
    run.out(statGraph(await fileStats([...changed], read, modes, renames)));
    return 0;
  }
  let out = '';
  const gone = new Set(renames.values());
  for (const path of [...changed].filter((p) => !gone.has(p)).sort()) {
    const from = renames.get(path);
    const a = await read(from ?? path, 'before');
    const b = await read(path, 'after');
    const old = before.get(from ?? path);
    out += unifiedPatch(path, { data: a, oid: old?.oid, mode: old?.mode, path: from }, { data: b, oid: after.get(path)?.oid, mode: after.get(path)?.mode }, dec);
  }
  run.out(out);
  return 0;
}
