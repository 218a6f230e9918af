// git branch [-a] | <name> [<start>] | -d/-D <name>;
// git checkout [-b <new>] <branch|commit> and git switch [-c <new>] <branch>.
import * as git from 'isomorphic-git';
import { parseOptions, str } from '../options.ts';
import { fatal, gitdirOf, GitExit, readText, requireRepo, type GitRun } from '../run.ts';
import { byteOrder, treeStatus } from '../status.ts';
import { flattenTree } from '../diffstat.ts';
import { checkoutPaths } from './restore.ts';
import { resolveRevision } from './log.ts';

async function headState(run: GitRun, dir: string) {
  const branch = (await git.currentBranch({ fs: run.gfs, dir, fullname: false })) ?? null;
  const head = await git.resolveRef({ fs: run.gfs, dir, ref: 'HEAD' }).catch(() => null);
  return { branch, head };
}

const validName = (name: string) => /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*[\s~^:?*[\\])(?!.*@\{)(?!.*\.lock$)(?!.*\/$)(?!.*\.$)[^\x00-\x1f\x7f]+$/.test(name) && name !== 'HEAD';

async function createBranch(run: GitRun, dir: string, name: string, start: string | undefined): Promise<string> {
  if (!validName(name)) throw fatal(`'${name}' is not a valid branch name`);
  const exists = await git.resolveRef({ fs: run.gfs, dir, ref: `refs/heads/${name}` }).catch(() => null);
  if (exists) throw fatal(`a branch named '${name}' already exists`);
  const { branch } = await headState(run, dir);
  const oid = await resolveRevision(run, dir, start ?? 'HEAD');
  if (!oid) throw fatal(`not a valid object name: '${start ?? branch ?? 'HEAD'}'`);
  await git.writeRef({ fs: run.gfs, dir, ref: `refs/heads/${name}`, value: oid });
  return oid;
}

export async function branch(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('branch', argv, [
    { long: 'all', short: 'a' },
    { long: 'delete', short: 'd' },
    { long: 'D', short: 'D' },
    { long: 'remotes', short: 'r' },
    { long: 'list', short: 'l' },
    { long: 'move', short: 'm' },
  ]);
  const { branch: current, head } = await headState(run, dir);
  if (p.flags.has('delete') || p.flags.has('D')) {
    if (!p.args.length) throw fatal('branch name required');
    let status = 0;
    for (const name of p.args) {
      const oid = await git.resolveRef({ fs: run.gfs, dir, ref: `refs/heads/${name}` }).catch(() => null);
      if (!oid) {
        run.err(`error: branch '${name}' not found.\n`);
        status = 1;
      } else if (name === current) {
        run.err(`error: Cannot delete branch '${name}' checked out at '${dir}'\n`);
        status = 1;
      } else if (!p.flags.has('D') && head && oid !== head && !(await git.isDescendent({ fs: run.gfs, dir, oid: head, ancestor: oid, cache: run.cache }))) {
        run.err(`error: The branch '${name}' is not fully merged.\nIf you are sure you want to delete it, run 'git branch -D ${name}'.\n`);
        status = 1;
      } else {
        await git.deleteBranch({ fs: run.gfs, dir, ref: name });
        run.out(`Deleted branch ${name} (was ${oid.slice(0, 7)}).\n`);
      }
    }
    return status;
  }
  if (p.flags.has('move')) {
    const [from, to] = p.args.length >= 2 ? p.args : [current, p.args[0]];
    if (!to || !from) throw fatal('branch name required');
    const exists = async (b: string) => Boolean(await git.resolveRef({ fs: run.gfs, dir, ref: `refs/heads/${b}` }).catch(() => null));
    // an unborn branch (before the first commit) is renamed by pointing HEAD elsewhere
    if (from === current && !head) {
      await git.writeRef({ fs: run.gfs, dir, ref: 'HEAD', value: `refs/heads/${to}`, symbolic: true, force: true });
      return 0;
    }
    if (!(await exists(from))) throw fatal(`No branch named '${from}'.`);
    if (!validName(to)) throw fatal(`'${to}' is not a valid branch name`);
    if (from !== to && (await exists(to))) throw fatal(`a branch named '${to}' already exists`);
    if (from === to) return 0;
    await git.renameBranch({ fs: run.gfs, dir, oldref: from, ref: to, checkout: from === current });
    // its upstream settings move with it
    const configPath = `${gitdirOf(dir)}/config`;
    const text = readText(run.fs, configPath);
    const renamed = text.replace(`[branch "${from}"]`, `[branch "${to}"]`);
    if (renamed !== text) run.fs.writeFile(configPath, new TextEncoder().encode(renamed));
    return 0;
  }
  if (p.args.length && !p.flags.has('list')) {
    await createBranch(run, dir, p.args[0]!, p.args[1]);
    return 0;
  }
  const lines: string[] = [];
  if (!p.flags.has('remotes')) {
    if (!current && head) lines.push(`* (HEAD detached at ${head.slice(0, 7)})`);
    for (const b of (await git.listBranches({ fs: run.gfs, dir })).sort(byteOrder)) lines.push(`${b === current ? '*' : ' '} ${b}`);
  }
  if (p.flags.has('all') || p.flags.has('remotes')) {
    for (const { remote: r } of await git.listRemotes({ fs: run.gfs, dir })) {
      for (const b of (await git.listBranches({ fs: run.gfs, dir, remote: r })).sort(byteOrder)) {
        const name = p.flags.has('remotes') ? `${r}/${b}` : `remotes/${r}/${b}`;
        if (b === 'HEAD') {
          const target = await git.resolveRef({ fs: run.gfs, dir, ref: `refs/remotes/${r}/HEAD`, depth: 2 }).catch(() => '');
          lines.push(`  ${name} -> ${target.replace(/^refs\/remotes\//, '')}`);
        } else lines.push(`  ${name}`);
      }
    }
  }
  run.out(lines.map((l) => l + '\n').join(''));
  return 0;
}

/** "M\ta.txt" lines: the local changes a switch carries over. */
async function carried(run: GitRun, dir: string): Promise<string> {
  const st = await treeStatus(run, dir);
  return st.changes.map((c) => `${c.x !== ' ' ? c.x : c.y}\t${c.path}\n`).join('');
}

async function treeOf(run: GitRun, dir: string, commit: string | null): Promise<string | null> {
  return commit ? (await git.readCommit({ fs: run.gfs, dir, oid: commit, cache: run.cache })).commit.tree : null;
}

/**
 * Moves HEAD to `target` (a commit) and the files with it, as git does: only
 * the paths that differ between the two commits change, local changes to
 * other files come along, and local changes (or untracked files) in the
 * way stop the switch before anything is touched. `head`: the ref HEAD
 * names afterwards (refs/heads/x), or null for a detached HEAD.
 */
async function switchTo(run: GitRun, dir: string, target: string, head: string | null): Promise<void> {
  const current = await git.resolveRef({ fs: run.gfs, dir, ref: 'HEAD' }).catch(() => null);
  if (current !== target) {
    const before = await flattenTree(run, dir, await treeOf(run, dir, current));
    const after = await flattenTree(run, dir, await treeOf(run, dir, target));
    const differing = new Set<string>();
    for (const [p, e] of before) if (after.get(p)?.oid !== e.oid || after.get(p)?.mode !== e.mode) differing.add(p);
    for (const p of after.keys()) if (!before.has(p)) differing.add(p);
    const st = await treeStatus(run, dir);
    const local = new Set(st.changes.map((c) => c.path));
    const conflicts = [...differing].filter((p) => local.has(p)).sort(byteOrder);
    if (conflicts.length) {
      throw new GitExit(
        1,
        `error: Your local changes to the following files would be overwritten by checkout:\n` +
          conflicts.map((f) => `\t${f}\n`).join('') +
          `Please commit your changes or stash them before you switch branches.\nAborting\n`,
      );
    }
    const root = dir === '/' ? '' : dir;
    const inTheWay = [...differing].filter((p) => !before.has(p) && run.fs.exists(`${root}/${p}`)).sort(byteOrder);
    if (inTheWay.length) {
      throw new GitExit(
        1,
        `error: The following untracked working tree files would be overwritten by checkout:\n` +
          inTheWay.map((f) => `\t${f}\n`).join('') +
          `Please move or remove them before you switch branches.\nAborting\n`,
      );
    }
    for (const p of differing) {
      if (after.has(p)) continue;
      await git.remove({ fs: run.gfs, dir, filepath: p, cache: run.cache });
      if (run.fs.exists(`${root}/${p}`)) run.fs.rm(`${root}/${p}`);
      // directories the removal left empty go too
      for (let d = p.slice(0, p.lastIndexOf('/')); d; d = d.slice(0, Math.max(0, d.lastIndexOf('/')))) {
        if (!run.fs.exists(`${root}/${d}`) || run.fs.readdir(`${root}/${d}`).length) break;
        run.fs.rm(`${root}/${d}`);
      }
    }
    const updated = [...differing].filter((p) => after.has(p));
    if (updated.length) await git.checkout({ fs: run.gfs, dir, ref: target, filepaths: updated, noUpdateHead: true, force: true, cache: run.cache });
  }
  if (head) await git.writeRef({ fs: run.gfs, dir, ref: 'HEAD', value: head, symbolic: true, force: true });
  else await git.writeRef({ fs: run.gfs, dir, ref: 'HEAD', value: target, force: true });
}

function pathspecError(run: GitRun, spec: string): number {
  run.err(`error: pathspec '${spec}' did not match any file(s) known to git\n`);
  return 1;
}

const DETACHED_ADVICE = (abbrev: string, subject: string) => `Note: switching to '${abbrev}'.

You are in 'detached HEAD' state. You can look around, make experimental
changes and commit them, and you can discard any commits you make in this
state without impacting any branches by switching back to a branch.

If you want to create a new branch to retain commits you create, you may
do so (now or later) by using -c with the switch command. Example:

  git switch -c <new-branch-name>

Or undo this operation with:

  git switch -

Turn off this advice by setting config variable advice.detachedHead to false

HEAD is now at ${abbrev} ${subject}
`;

/** git checkout and git switch: `create` is -b / -c. */
export async function checkout(run: GitRun, argv: string[], command: 'checkout' | 'switch'): Promise<number> {
  const dir = requireRepo(run);
  const createFlag = command === 'checkout' ? 'b' : 'c';
  const dash = argv.indexOf('--');
  if (command === 'checkout' && dash >= 0 && argv.slice(0, dash).every((a) => a.startsWith('-'))) {
    // git checkout -- <path>...: the files back from the index, silently
    const { unmatched } = await checkoutPaths(run, dir, argv.slice(dash + 1));
    if (unmatched.length) return pathspecError(run, unmatched[0]!);
    return 0;
  }
  const p = parseOptions(command, argv, [{ long: command === 'checkout' ? 'b' : 'create', short: createFlag, value: true }, { long: 'quiet', short: 'q' }]);
  const create = str(p, command === 'checkout' ? 'b' : 'create');
  // -q: what git says about the switch is left out (errors are not)
  const note = (text: string) => {
    if (!p.flags.has('quiet')) run.err(text);
  };
  const { branch: current, head } = await headState(run, dir);
  if (create !== undefined) {
    if (!head && !p.args.length) {
      if (!validName(create)) throw fatal(`'${create}' is not a valid branch name`);
      await git.writeRef({ fs: run.gfs, dir, ref: 'HEAD', value: `refs/heads/${create}`, symbolic: true, force: true });
    } else {
      const oid = await createBranch(run, dir, create, p.args[0]);
      await switchTo(run, dir, oid, `refs/heads/${create}`);
    }
    run.out(await carried(run, dir));
    note(`Switched to a new branch '${create}'\n`);
    return 0;
  }
  const target = p.args[0];
  if (!target) {
    if (command === 'switch') throw fatal('missing branch or commit argument');
    run.out(await carried(run, dir));
    return 0;
  }
  if (target === current) {
    run.out(await carried(run, dir));
    note(`Already on '${target}'\n`);
    return 0;
  }
  const local = await git.resolveRef({ fs: run.gfs, dir, ref: `refs/heads/${target}` }).catch(() => null);
  if (local) {
    await switchTo(run, dir, local, `refs/heads/${target}`);
    run.out(await carried(run, dir));
    if (!current && head) {
      const subject = (await git.readCommit({ fs: run.gfs, dir, oid: head, cache: run.cache })).commit.message.split('\n')[0];
      note(`Previous HEAD position was ${head.slice(0, 7)} ${subject}\n`);
    }
    note(`Switched to branch '${target}'\n`);
    return 0;
  }
  // a branch of exactly one remote: a new local branch tracking it
  const remotes = await git.listRemotes({ fs: run.gfs, dir });
  const matches: string[] = [];
  for (const { remote: r } of remotes) {
    if (await git.resolveRef({ fs: run.gfs, dir, ref: `refs/remotes/${r}/${target}` }).catch(() => null)) matches.push(r);
  }
  if (matches.length === 1) {
    const oid = await git.resolveRef({ fs: run.gfs, dir, ref: `refs/remotes/${matches[0]}/${target}` });
    await git.writeRef({ fs: run.gfs, dir, ref: `refs/heads/${target}`, value: oid });
    await switchTo(run, dir, oid, `refs/heads/${target}`);
    await git.setConfig({ fs: run.gfs, dir, path: `branch.${target}.remote`, value: matches[0]! });
    await git.setConfig({ fs: run.gfs, dir, path: `branch.${target}.merge`, value: `refs/heads/${target}` });
    run.out(`branch '${target}' set up to track '${matches[0]}/${target}'.\n`);
    note(`Switched to a new branch '${target}'\n`);
    return 0;
  }
  const oid = command === 'checkout' ? await resolveRevision(run, dir, target) : null;
  if (!oid) {
    if (command === 'switch') throw fatal(`invalid reference: ${target}`);
    // not a revision: paths, back from the index ("Updated 1 path from the index" counts the files that changed)
    const changed = new Set((await treeStatus(run, dir)).changes.filter((c) => c.y !== ' ').map((c) => c.path));
    const before = [...changed];
    const { count, unmatched } = await checkoutPaths(run, dir, p.args);
    if (unmatched.length) return pathspecError(run, unmatched[0]!);
    const after = new Set((await treeStatus(run, dir)).changes.filter((c) => c.y !== ' ').map((c) => c.path));
    const updated = count && before.filter((x) => !after.has(x)).length;
    note(`Updated ${updated} path${updated === 1 ? '' : 's'} from the index\n`);
    return 0;
  }
  // a commit: detached HEAD
  await switchTo(run, dir, oid, null);
  const subject = (await git.readCommit({ fs: run.gfs, dir, oid, cache: run.cache })).commit.message.split('\n')[0]!;
  note(DETACHED_ADVICE(oid.slice(0, 7), subject));
  return 0;
}
