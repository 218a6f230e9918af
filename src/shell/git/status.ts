// The state of a working tree as `git status` reports it: what the index
// changes against HEAD (X), what the files change against the index (Y),
// untracked paths (a directory without tracked files shows as `dir/`), and
// where the branch stands against its upstream.
import * as git from 'isomorphic-git';
import { byteOrder, configGet, relativeFrom, type GitRun } from './run.ts';
import { exactRenames, flattenTree, indexEntries } from './diffstat.ts';

export interface Change {
  path: string;
  /** The path it was renamed from (x is 'R'). */
  from?: string;
  /** Index against HEAD: ' ', 'A', 'M', 'D'. */
  x: string;
  /** Working tree against index: ' ', 'M', 'D'. */
  y: string;
}

export interface TreeStatus {
  changes: Change[];
  /** Untracked files and directories (`dir/`), sorted. */
  untracked: string[];
  /** The branch HEAD names, or null when detached. */
  branch: string | null;
  /** The commit HEAD points to, or null before the first commit. */
  head: string | null;
}

const xOf = (head: number, stage: number): string => (head === 0 ? (stage === 0 ? ' ' : 'A') : stage === 0 ? 'D' : stage === 1 ? ' ' : 'M');

function yOf(workdir: number, stage: number): string {
  if (stage === 0) return ' ';
  if (workdir === 0) return 'D';
  if (stage === 1) return workdir === 1 ? ' ' : 'M';
  if (stage === 2) return ' ';
  return 'M';
}

export async function treeStatus(run: GitRun, dir: string): Promise<TreeStatus> {
  const fs = run.gfs;
  const branch = (await git.currentBranch({ fs, dir, fullname: false })) ?? null;
  const head = await git.resolveRef({ fs, dir, ref: 'HEAD' }).catch(() => null);
  const matrix = await git.statusMatrix({ fs, dir, cache: run.cache });
  const changes: Change[] = [];
  const untrackedFiles: string[] = [];
  const tracked: string[] = [];
  for (const [path, h, w, s] of matrix) {
    if (s !== 0) tracked.push(path);
    const x = xOf(h, s);
    const y = yOf(w, s);
    if (x !== ' ' || y !== ' ') changes.push({ path, x, y });
    if (s === 0 && w !== 0) untrackedFiles.push(path);
  }
  return { changes: await withRenames(run, dir, head, changes), untracked: collapseUntracked(untrackedFiles, tracked), branch, head };
}

/** Staged deletions and additions of the same content, as git shows them: one rename. */
async function withRenames(run: GitRun, dir: string, head: string | null, changes: Change[]): Promise<Change[]> {
  if (!head || !changes.some((c) => c.x === 'D') || !changes.some((c) => c.x === 'A')) return changes;
  const tree = (await git.readCommit({ fs: run.gfs, dir, oid: head, cache: run.cache })).commit.tree;
  const headFiles = await flattenTree(run, dir, tree);
  const index = await indexEntries(run, dir);
  const deleted = new Map([...headFiles].filter(([p]) => changes.some((c) => c.path === p && c.x === 'D')));
  const added = new Map([...index].filter(([p]) => changes.some((c) => c.path === p && c.x === 'A')));
  const renames = exactRenames(deleted, added);
  if (!renames.size) return changes;
  const gone = new Set(renames.values());
  return changes
    .filter((c) => !(gone.has(c.path) && c.x === 'D' && c.y === ' '))
    .map((c) => (renames.has(c.path) && c.x === 'A' ? { ...c, x: 'R', from: renames.get(c.path) } : c));
}

/** Untracked files, each under the highest directory holding no tracked file shown as that `dir/`. */
export function collapseUntracked(untracked: string[], tracked: string[]): string[] {
  const trackedDirs = new Set<string>();
  for (const t of tracked) {
    for (let i = t.indexOf('/'); i >= 0; i = t.indexOf('/', i + 1)) trackedDirs.add(t.slice(0, i));
  }
  const out = new Set<string>();
  for (const u of untracked) {
    let shown = u;
    for (let i = u.indexOf('/'); i >= 0; i = u.indexOf('/', i + 1)) {
      const d = u.slice(0, i);
      if (!trackedDirs.has(d)) {
        shown = `${d}/`;
        break;
      }
    }
    out.add(shown);
  }
  return [...out].sort(byteOrder);
}

export { byteOrder };

/** `Your branch is ...` lines for the branch's upstream, or '' when it has none. */
export async function trackingInfo(run: GitRun, dir: string, branch: string, head: string | null): Promise<string> {
  const remote = configGet(run, dir, `branch.${branch}.remote`);
  const merge = configGet(run, dir, `branch.${branch}.merge`);
  if (!remote || !merge?.startsWith('refs/heads/')) return '';
  const upstream = `${remote}/${merge.slice('refs/heads/'.length)}`;
  const theirs = await git.resolveRef({ fs: run.gfs, dir, ref: `refs/remotes/${upstream}` }).catch(() => null);
  if (!theirs) return `Your branch is based on '${upstream}', but the upstream is gone.\n  (use "git branch --unset-upstream" to fixup)\n`;
  if (!head || head === theirs) return `Your branch is up to date with '${upstream}'.\n`;
  const ahead = await countOnly(run, dir, head, theirs);
  const behind = await countOnly(run, dir, theirs, head);
  const commits = (n: number) => `${n} commit${n === 1 ? '' : 's'}`;
  if (ahead && !behind) return `Your branch is ahead of '${upstream}' by ${commits(ahead)}.\n  (use "git push" to publish your local commits)\n`;
  if (behind && !ahead) {
    return `Your branch is behind '${upstream}' by ${commits(behind)}, and can be fast-forwarded.\n  (use "git pull" to update your local branch)\n`;
  }
  return (
    `Your branch and '${upstream}' have diverged,\nand have ${ahead} and ${behind} different commits each, respectively.\n` +
    `  (use "git pull" to merge the remote branch into yours)\n`
  );
}

/** How many commits reach `from` but not `not`. */
async function countOnly(run: GitRun, dir: string, from: string, not: string): Promise<number> {
  const seen = new Set((await git.log({ fs: run.gfs, dir, ref: not, cache: run.cache })).map((c) => c.oid));
  return (await git.log({ fs: run.gfs, dir, ref: from, cache: run.cache })).filter((c) => !seen.has(c.oid)).length;
}

const LABEL: Record<string, string> = { A: 'new file:   ', M: 'modified:   ', D: 'deleted:    ', R: 'renamed:    ' };

/**
 * `git status`'s long form. `prefix`: the current directory inside the
 * tree (paths are shown from there); `initial`: the line before the first
 * commit (`No commits yet` for status, `Initial commit` for commit).
 */
export function longStatus(st: TreeStatus, tracking: string, prefix: string, initial = 'No commits yet'): string {
  let out = st.branch ? `On branch ${st.branch}\n` : `HEAD detached at ${st.head?.slice(0, 7)}\n`;
  if (tracking) out += tracking + '\n';
  if (!st.head) out += `\n${initial}\n\n`;
  const staged = st.changes.filter((c) => c.x !== ' ');
  const unstaged = st.changes.filter((c) => c.y !== ' ');
  const show = (p: string) => relativeFrom(prefix, p);
  if (staged.length) {
    out += 'Changes to be committed:\n';
    out += st.head ? '  (use "git restore --staged <file>..." to unstage)\n' : '  (use "git rm --cached <file>..." to unstage)\n';
    for (const c of staged) out += `\t${LABEL[c.x]}${c.from ? `${show(c.from)} -> ` : ''}${show(c.path)}\n`;
    out += '\n';
  }
  if (unstaged.length) {
    out += 'Changes not staged for commit:\n';
    out += unstaged.some((c) => c.y === 'D')
      ? '  (use "git add/rm <file>..." to update what will be committed)\n'
      : '  (use "git add <file>..." to update what will be committed)\n';
    out += '  (use "git restore <file>..." to discard changes in working directory)\n';
    for (const c of unstaged) out += `\t${LABEL[c.y]}${show(c.path)}\n`;
    out += '\n';
  }
  if (st.untracked.length) {
    out += 'Untracked files:\n  (use "git add <file>..." to include in what will be committed)\n';
    for (const u of st.untracked) out += `\t${show(u)}\n`;
    out += '\n';
  }
  if (staged.length) return out;
  if (unstaged.length) return out + 'no changes added to commit (use "git add" and/or "git commit -a")\n';
  if (st.untracked.length) return out + 'nothing added to commit but untracked files present (use "git add" to track)\n';
  if (!st.head) return out + 'nothing to commit (create/copy files and use "git add" to track)\n';
  return out + 'nothing to commit, working tree clean\n';
}

/** `git status -s`. */
export function shortStatus(st: TreeStatus, prefix: string): string {
  let out = '';
  for (const c of st.changes) {
    const from = c.from ? `${relativeFrom(prefix, c.from)} -> ` : '';
    out += `${c.x}${c.y} ${from}${relativeFrom(prefix, c.path)}\n`;
  }
  for (const u of st.untracked) out += `?? ${relativeFrom(prefix, u)}\n`;
  return out;
}
