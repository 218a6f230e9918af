// git rev-parse [--short] [--abbrev-ref] <rev>... | --show-toplevel | --git-dir | --is-inside-work-tree
import * as git from 'isomorphic-git';
import { fatal, gitdirOf, requireRepo, type GitRun } from '../run.ts';
import { ambiguous, resolveRevision } from './log.ts';

export async function revParse(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  let short = 0;
  let abbrevRef = false;
  for (const a of argv) {
    if (a === '--short') short = 7;
    else if (/^--short=\d+$/.test(a)) short = Math.max(4, Number(a.slice(8)));
    else if (a === '--abbrev-ref') abbrevRef = true;
    else if (a === '--show-toplevel') run.out(`${dir}\n`);
    else if (a === '--git-dir') run.out(run.cwd === dir ? '.git\n' : `${gitdirOf(dir)}\n`);
    else if (a === '--is-inside-work-tree') run.out('true\n');
    else if (a.startsWith('-')) run.out(`${a}\n`);
    else {
      if (abbrevRef && a === 'HEAD') {
        run.out(`${(await git.currentBranch({ fs: run.gfs, dir, fullname: false })) ?? 'HEAD'}\n`);
        continue;
      }
      const oid = await resolveRevision(run, dir, a, false);
      if (!oid) {
        if (short) throw fatal('Needed a single revision');
        run.out(`${a}\n`);
        throw ambiguous(a);
      }
      run.out(`${abbrevRef ? a : short ? oid.slice(0, short) : oid}\n`);
    }
  }
  return 0;
}
