// git fetch, pull and push against origin as Berth's network allows: the
// sample repositories answer (they never change, so there is nothing new
// to fetch, and pushing to GitHub needs credentials a terminal-less git
// cannot ask for); every other URL fails as with no network.
import { lookupRemote } from '../clone.ts';
import { configGet, GitExit, requireRepo, type GitRun } from '../run.ts';
import * as git from 'isomorphic-git';

const UNREADABLE = (name: string) =>
  `fatal: '${name}' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\n` +
  'Please make sure you have the correct access rights\nand the repository exists.\n';

/** The URL of the remote a command talks to (its argument, the branch's remote, or origin). */
async function remoteUrl(run: GitRun, dir: string, args: string[]): Promise<{ name: string; url: string }> {
  const branch = await git.currentBranch({ fs: run.gfs, dir, fullname: false });
  const name = args.find((a) => !a.startsWith('-')) ?? (branch && configGet(run, dir, `branch.${branch}.remote`)) ?? 'origin';
  const url = configGet(run, dir, `remote.${name}.url`);
  if (!url) throw new GitExit(128, UNREADABLE(name));
  return { name, url };
}

/** Whether the URL is a path on this machine (a local remote: Berth does not move objects between repositories). */
const isPath = (url: string) => url.startsWith('/') || url.startsWith('.') || /^file:\/\//i.test(url);

async function reach(run: GitRun, dir: string, args: string[], verb: string): Promise<{ url: string; sample: boolean }> {
  const { url } = await remoteUrl(run, dir, args);
  if (isPath(url)) throw new GitExit(1, `git ${verb}: a repository on this machine as a remote is not simulated by Berth\n`);
  const remote = lookupRemote(url);
  if (!('sample' in remote)) throw new GitExit(remote.status, remote.output);
  return { url, sample: true };
}

export async function fetch(run: GitRun, argv: string[]): Promise<number> {
  await reach(run, requireRepo(run), argv, 'fetch');
  return 0;
}

export async function pull(run: GitRun, argv: string[]): Promise<number> {
  await reach(run, requireRepo(run), argv, 'pull');
  run.out('Already up to date.\n');
  return 0;
}

export async function push(run: GitRun, argv: string[]): Promise<number> {
  const { url } = await reach(run, requireRepo(run), argv, 'push');
  if (/^[a-z]+:\/\//i.test(url) && !/^ssh:/i.test(url)) {
    throw new GitExit(128, "fatal: could not read Username for 'https://github.com': No such device or address\n");
  }
  throw new GitExit(
    128,
    'git@github.com: Permission denied (publickey).\r\nfatal: Could not read from remote repository.\n\n' +
      'Please make sure you have the correct access rights\nand the repository exists.\n',
  );
}
