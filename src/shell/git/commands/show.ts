// git show [--stat] [--oneline] [<commit>]: the commit as `git log` prints
// it, then its changes against its first parent (a patch, or a diffstat).
import * as git from 'isomorphic-git';
import { fatal, requireRepo, type GitRun } from '../run.ts';
import { commitText, decorations } from '../format.ts';
import { ambiguous, resolveRevision } from './log.ts';

export async function show(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const f = { oneline: false, stat: false, patch: true, decorate: false };
  const revs: string[] = [];
  for (const a of argv) {
    if (a === '--stat') [f.stat, f.patch] = [true, false];
    else if (a === '--oneline') f.oneline = true;
    else if (a === '--decorate') f.decorate = true;
    else if (a === '-p' || a === '--patch') f.patch = true;
    else if (a.startsWith('-')) throw fatal(`unrecognized argument: ${a}`);
    else revs.push(a);
  }
  const rev = revs[0] ?? 'HEAD';
  const oid = await resolveRevision(run, dir, rev);
  if (!oid) {
    if (rev === 'HEAD') throw fatal(`your current branch '${await git.currentBranch({ fs: run.gfs, dir })}' does not have any commits yet`);
    throw ambiguous(rev);
  }
  run.out(await commitText(run, dir, oid, { ...f, decorations: f.decorate ? await decorations(run, dir) : undefined }));
  return 0;
}
