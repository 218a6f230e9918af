// git restore [--staged] <path>... and git checkout [--] <path>...: files
// back from the index (or, --staged, the index's entries back from HEAD).
import * as git from 'isomorphic-git';
import { parseOptions } from '../options.ts';
import { prefixOf, requireRepo, resolvePath, type GitRun } from '../run.ts';
import { flattenTree, indexEntries } from '../diffstat.ts';

/** Repository-relative paths under each pathspec among `known`; the unmatched pathspecs. */
function match(run: GitRun, dir: string, specs: string[], known: Iterable<string>): { paths: string[]; unmatched: string[] } {
  const all = [...known];
  const paths = new Set<string>();
  const unmatched: string[] = [];
  for (const spec of specs) {
    const rel = prefixOf(dir, resolvePath(run.cwd, spec));
    const hits = all.filter((p) => rel === '' || p === rel || p.startsWith(`${rel}/`));
    if (!hits.length) unmatched.push(spec);
    for (const h of hits) paths.add(h);
  }
  return { paths: [...paths].sort(), unmatched };
}

/** Writes the index's version of each path into the working tree; the number of paths. */
export async function checkoutPaths(run: GitRun, dir: string, specs: string[]): Promise<{ count: number; unmatched: string[] }> {
  const index = await indexEntries(run, dir);
  const { paths, unmatched } = match(run, dir, specs, index.keys());
  if (unmatched.length) return { count: 0, unmatched };
  const root = dir === '/' ? '' : dir;
  for (const p of paths) {
    const e = index.get(p)!;
    const { blob } = await git.readBlob({ fs: run.gfs, dir, oid: e.oid, cache: run.cache });
    const file = `${root}/${p}`;
    run.fs.mkdir(file.slice(0, file.lastIndexOf('/')) || '/', { recursive: true });
    if (run.fs.exists(file) && run.fs.lstat(file).type === 'dir') run.fs.rm(file, { recursive: true });
    run.fs.writeFile(file, blob, { mode: e.mode === '100755' ? 0o755 : 0o644 });
  }
  return { count: paths.length, unmatched };
}

export async function restore(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('restore', argv, [{ long: 'staged', short: 'S' }, { long: 'worktree', short: 'W' }, { long: 'quiet', short: 'q' }]);
  if (!p.args.length) {
    run.err('fatal: you must specify path(s) to restore\n');
    return 128;
  }
  if (p.flags.has('staged')) {
    const head = await git.resolveRef({ fs: run.gfs, dir, ref: 'HEAD' }).catch(() => null);
    if (!head) {
      run.err('fatal: could not resolve HEAD\n');
      return 128;
    }
    const tree = head ? (await git.readCommit({ fs: run.gfs, dir, oid: head, cache: run.cache })).commit.tree : null;
    const known = new Set([...(await indexEntries(run, dir)).keys(), ...(await flattenTree(run, dir, tree)).keys()]);
    const { paths, unmatched } = match(run, dir, p.args, known);
    if (unmatched.length) {
      run.err(`error: pathspec '${unmatched[0]}' did not match any file(s) known to git\n`);
      return 1;
    }
    for (const path of paths) await git.resetIndex({ fs: run.gfs, dir, filepath: path, cache: run.cache });
    if (!p.flags.has('worktree')) return 0;
  }
  const { unmatched } = await checkoutPaths(run, dir, p.args);
  if (unmatched.length) {
    run.err(`error: pathspec '${unmatched[0]}' did not match any file(s) known to git\n`);
    return 1;
  }
  return 0;
}
