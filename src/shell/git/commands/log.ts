// git log [--oneline] [-n <n> | -<n>] [<revision>]: newest first, as git
// prints it without a terminal (no decorations, no pager).
import * as git from 'isomorphic-git';
import { fatal, GitExit, requireRepo, type GitRun } from '../run.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** git's default date: `Sun Dec 6 10:20:00 2026 +0000`, in the commit's own zone. */
export function gitDate(timestamp: number, timezoneOffset: number): string {
  const east = -timezoneOffset;
  const d = new Date((timestamp + east * 60) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const zone = `${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}${pad(Math.abs(east) % 60)}`;
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} ${zone}`
  );
}

export function ambiguous(arg: string): GitExit {
  return fatal(
    `ambiguous argument '${arg}': unknown revision or path not in the working tree.\n` +
      `Use '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`,
  );
}

/** A revision as git reads it: a full or abbreviated object id, a branch, a tag, a remote branch, HEAD; with ~n / ^. */
export async function resolveRevision(run: GitRun, dir: string, rev: string): Promise<string | null> {
  const m = /^(.*?)((?:[~^]\d*)*)$/.exec(rev)!;
  let oid: string | null = null;
  const base = m[1] || 'HEAD';
  try {
    oid = await git.resolveRef({ fs: run.gfs, dir, ref: base });
  } catch {
    if (/^[0-9a-f]{4,40}$/.test(base)) oid = await git.expandOid({ fs: run.gfs, dir, oid: base, cache: run.cache }).catch(() => null);
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
  let oneline = false;
  let max = Infinity;
  const revs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--oneline') oneline = true;
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
  const commits = await git.log({ fs: run.gfs, dir, ref: start, cache: run.cache });
  let out = '';
  commits.slice(0, max).forEach(({ oid, commit: c }, i) => {
    const msg = c.message.replace(/\n+$/, '');
    if (oneline) {
      out += `${oid.slice(0, 7)} ${msg.split('\n')[0]}\n`;
      return;
    }
    if (i > 0) out += '\n';
    out += `commit ${oid}\n`;
    if (c.parent.length > 1) out += `Merge: ${c.parent.map((p) => p.slice(0, 7)).join(' ')}\n`;
    out += `Author: ${c.author.name} <${c.author.email}>\n`;
    out += `Date:   ${gitDate(c.author.timestamp, c.author.timezoneOffset)}\n\n`;
    out += msg.split('\n').map((l) => `    ${l}\n`).join('');
  });
  run.out(out);
  return 0;
}
