// git log [--oneline] [-n <n> | -<n>] [<revision>]: newest first, as git
// prints it without a terminal (no decorations, no pager).
import * as git from 'isomorphic-git';
import { fatal, GitExit, requireRepo, type GitRun } from '../run.ts';
import { commitText, decorations, joinCommits } from '../format.ts';

export { gitDate } from '../format.ts';

export function ambiguous(arg: string): GitExit {
  return fatal(
    `ambiguous argument '${arg}': unknown revision or path not in the working tree.\n` +
      `Use '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`,
  );
}

/** A revision as git reads it: a full or abbreviated object id, a branch, a tag, a remote branch, HEAD; with ~n / ^. */
export async function resolveRevision(run: GitRun, dir: string, rev: string, peel = true): Promise<string | null> {
  const m = /^(.*?)((?:[~^]\d*)*)$/.exec(rev)!;
  let oid: string | null = null;
  const base = m[1] || 'HEAD';
  try {
    oid = await git.resolveRef({ fs: run.gfs, dir, ref: base });
  } catch {
    if (/^[0-9a-f]{4,40}$/.test(base)) oid = await git.expandOid({ fs: run.gfs, dir, oid: base, cache: run.cache }).catch(() => null);
  }
  // an annotated tag stands for its commit
  if (oid && (peel || m[2])) {
    const tag = await git.readTag({ fs: run.gfs, dir, oid, cache: run.cache }).catch(() => null);
    if (tag) oid = tag.tag.object;
  }
  for (const step of m[2]!.match(/[~^]\d*/g) ?? []) {
    if (!oid) return null;
    const n = step.length > 1 ? Number(step.slice(1)) : 1;
    for (let i = 0; i < (step[0] === '~' ? n : 1); i++) {
      const parents: string[] = (await git.readCommit({ fs: run.gfs, dir, oid: oid!, cache: run.cache }).catch(() => null))?.commit.parent ?? [];
      oid = parents[step[0] === '^' ? Math.max(0, n - 1) : 0] ?? null;
      if (!oid) return null;
    }
  }
  return oid;
}

export async function log(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  let max = Infinity;
  const f = { oneline: false, patch: false, stat: false, graph: false, decorate: false };
  const revs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--oneline') f.oneline = true;
    else if (a === '-p' || a === '-u' || a === '--patch') f.patch = true;
    else if (a === '--stat') f.stat = true;
    else if (a === '--graph') f.graph = true;
    else if (a === '--decorate' || a === '--decorate=short' || a === '--decorate=auto') f.decorate = true;
    else if (a === '--no-decorate' || a === '--decorate=no') f.decorate = false;
    else if (/^-\d+$/.test(a)) max = Number(a.slice(1));
    else if (a === '-n' || a === '--max-count') max = Number(argv[++i] ?? NaN);
    else if (/^--max-count=\d+$/.test(a)) max = Number(a.slice(12));
    else if (/^-n\d+$/.test(a)) max = Number(a.slice(2));
    else if (a === '--') break;
    else if (a.startsWith('-')) throw fatal(`unrecognized argument: ${a}`);
    else revs.push(a);
    if (Number.isNaN(max)) throw fatal(`'${a}': not an integer`);
  }
  let start: string | null;
  if (revs.length) {
    start = await resolveRevision(run, dir, revs[0]!);
    if (!start) throw ambiguous(revs[0]!);
  } else {
    start = await git.resolveRef({ fs: run.gfs, dir, ref: 'HEAD' }).catch(() => null);
    if (!start) {
      const branch = await git.currentBranch({ fs: run.gfs, dir, fullname: false });
      throw fatal(`your current branch '${branch}' does not have any commits yet`);
    }
  }
  const commits = (await git.log({ fs: run.gfs, dir, ref: start, cache: run.cache })).slice(0, max);
  const deco = f.decorate ? await decorations(run, dir) : undefined;
  const texts: string[] = [];
  for (const { oid } of commits) texts.push(await commitText(run, dir, oid, { ...f, decorations: deco }));
  run.out(joinCommits(texts, f.oneline, f.graph));
  return 0;
}
