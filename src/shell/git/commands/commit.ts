// git commit [-a] [-q] -m <msg>...: records the index as a commit by the
// configured identity at the virtual clock's time, and prints git's summary.
import * as git from 'isomorphic-git';
import { parseOptions } from '../options.ts';
import { configGet, gitdirOf, GitExit, prefixOf, requireRepo, type GitRun } from '../run.ts';
import { longStatus, trackingInfo, treeStatus } from '../status.ts';
import { exactRenames, fileStats, flattenTree, modeLines, summaryLine } from '../diffstat.ts';
import { add } from './add.ts';

export interface Identity {
  name: string;
  email: string;
}

/** user.name / user.email as git finds them, or git's "Author identity unknown" death. */
export function identity(run: GitRun, dir: string | null): Identity {
  const email = configGet(run, dir, 'user.email') ?? run.env.get('EMAIL');
  const user = run.env.get('USER') || 'root';
  if (!email) {
    throw new GitExit(
      128,
      `Author identity unknown

*** Please tell me who you are.

Run

  git config --global user.email "you@example.com"
  git config --global user.name "Your Name"

to set your account's default identity.
Omit --global to set the identity only in this repository.

fatal: unable to auto-detect email address (got '${user}@${run.hostname}.(none)')
`,
    );
  }
  // without user.name git takes the account's full name from /etc/passwd: root's is "root"
  return { name: configGet(run, dir, 'user.name') ?? user, email };
}

/** git's message cleanup: trailing spaces and blank lines gone, one final newline. */
export function cleanMessage(parts: string[]): string {
  const text = parts.map((p) => p.replace(/\s+$/, '')).join('\n\n');
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? lines.join('\n') + '\n' : '';
}

export async function commit(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('commit', argv, [
    { long: 'message', short: 'm', value: true, repeat: true },
    { long: 'all', short: 'a' },
    { long: 'quiet', short: 'q' },
    { long: 'allow-empty' },
  ]);
  const messages = p.flags.get('message');
  // git finds out who commits before it touches the index
  const who = identity(run, dir);
  // -a stages into the index only for this commit: a commit that does not happen leaves the index as it was
  const indexPath = `${gitdirOf(dir)}/index`;
  const savedIndex = p.flags.has('all') && run.fs.exists(indexPath) ? run.fs.readFile(indexPath) : null;
  const abort = (status: number) => {
    if (savedIndex) run.fs.writeFile(indexPath, savedIndex);
    return status;
  };
  if (p.flags.has('all')) await add(run, ['-u']);
  const st = await treeStatus(run, dir);
  const staged = st.changes.some((c) => c.x !== ' ');
  if (!staged && !p.flags.has('allow-empty')) {
    const tracking = st.branch ? await trackingInfo(run, dir, st.branch, st.head) : '';
    run.out(longStatus(st, tracking, prefixOf(dir, run.cwd), 'Initial commit'));
    return abort(1);
  }
  if (!Array.isArray(messages)) {
    // Berth's host has no editor for git to open (Debian's git runs `editor`, or $GIT_EDITOR, $VISUAL, $EDITOR)
    const editor = run.env.get('GIT_EDITOR') || configGet(run, dir, 'core.editor') || run.env.get('VISUAL') || run.env.get('EDITOR') || 'editor';
    run.err(`error: cannot run ${editor}: No such file or directory\nerror: unable to start editor '${editor}'\nPlease supply the message using either -m or -F option.\n`);
    return abort(1);
  }
  const message = cleanMessage(messages);
  if (!message) {
    run.err('Aborting commit due to empty commit message.\n');
    return abort(1);
  }
  const when = { timestamp: Math.floor(run.now() / 1000), timezoneOffset: 0 };
  const oid = await git.commit({
    fs: run.gfs,
    dir,
    message,
    author: { ...who, ...when },
    committer: { ...who, ...when },
    cache: run.cache,
  });
  if (p.flags.has('quiet')) return 0;
  const where = st.branch ? `${st.branch}${st.head ? '' : ' (root-commit)'}` : 'detached HEAD';
  run.out(`[${where} ${oid.slice(0, 7)}] ${message.split('\n')[0]}\n`);
  const { commit: c } = await git.readCommit({ fs: run.gfs, dir, oid, cache: run.cache });
  const stats = await treeChanges(run, dir, c.parent[0] ?? null, c.tree);
  run.out(summaryLine(stats) + modeLines(stats));
  return 0;
}

/** The file changes between two trees (a commit's parent's and its own). */
export async function treeChanges(run: GitRun, dir: string, parentCommit: string | null, tree: string) {
  const beforeTree = parentCommit ? (await git.readCommit({ fs: run.gfs, dir, oid: parentCommit, cache: run.cache })).commit.tree : null;
  const before = await flattenTree(run, dir, beforeTree);
  const after = await flattenTree(run, dir, tree);
  const paths = new Set<string>();
  for (const [p, e] of before) if (after.get(p)?.oid !== e.oid || after.get(p)?.mode !== e.mode) paths.add(p);
  for (const p of after.keys()) if (!before.has(p)) paths.add(p);
  const blob = async (oid: string | undefined) =>
    oid ? (await git.readBlob({ fs: run.gfs, dir, oid, cache: run.cache })).blob : null;
  return fileStats(
    [...paths],
    (path, side) => blob((side === 'before' ? before : after).get(path)?.oid),
    (path) => ({ before: before.get(path)?.mode, after: after.get(path)?.mode }),
    exactRenames(before, after),
  );
}
