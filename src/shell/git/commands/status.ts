// git status [-s | --short | --porcelain | --long]
import { parseOptions } from '../options.ts';
import { prefixOf, requireRepo, type GitRun } from '../run.ts';
import { longStatus, shortStatus, trackingInfo, treeStatus } from '../status.ts';

export async function status(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('status', argv, [
    { long: 'short', short: 's' },
    { long: 'long' },
    { long: 'porcelain' },
    { long: 'branch', short: 'b' },
  ]);
  const st = await treeStatus(run, dir);
  const prefix = prefixOf(dir, run.cwd);
  const short = (p.flags.has('short') || p.flags.has('porcelain')) && !p.flags.has('long');
  if (short) {
    if (p.flags.has('branch')) run.out(`## ${st.head ? (st.branch ?? 'HEAD (no branch)') : `No commits yet on ${st.branch}`}\n`);
    run.out(shortStatus(st, p.flags.has('porcelain') ? '' : prefix));
    return 0;
  }
  const tracking = st.branch ? await trackingInfo(run, dir, st.branch, st.head) : '';
  run.out(longStatus(st, tracking, prefix));
  return 0;
}
