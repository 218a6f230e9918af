// git init [-q] [-b <branch>] [<directory>]
import * as git from 'isomorphic-git';
import { parseOptions, str } from '../options.ts';
import { configGet, fatal, gitdirOf, resolvePath, type GitRun } from '../run.ts';

const DEFAULT_BRANCH_HINT = `hint: Using 'master' as the name for the initial branch. This default branch name
hint: is subject to change. To configure the initial branch name to use in all
hint: of your new repositories, which will suppress this warning, call:
hint: 
hint: 	git config --global init.defaultBranch <name>
hint: 
hint: Names commonly chosen instead of 'master' are 'main', 'trunk' and
hint: 'development'. The just-created branch can be renamed via this command:
hint: 
hint: 	git branch -m <name>
`;

export async function init(run: GitRun, argv: string[]): Promise<number> {
  const p = parseOptions('init', argv, [
    { long: 'quiet', short: 'q' },
    { long: 'initial-branch', short: 'b', value: true },
  ]);
  const dir = resolvePath(run.cwd, p.args[0] ?? '.');
  const gitdir = gitdirOf(dir);
  const quiet = p.flags.has('quiet');
  if (run.fs.exists(`${gitdir}/HEAD`)) {
    if (!quiet) run.out(`Reinitialized existing Git repository in ${gitdir}/\n`);
    return 0;
  }
  // git's mkdir -p: any file on the way is "File exists"
  const parts = dir.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const d = '/' + parts.slice(0, i).join('/');
    if (run.fs.exists(d) && run.fs.stat(d).type !== 'dir') throw fatal(`cannot mkdir ${p.args[0]}: File exists`);
  }
  run.fs.mkdir(dir, { recursive: true });
  const configured = configGet(run, null, 'init.defaultBranch');
  const branch = str(p, 'initial-branch') ?? configured ?? 'master';
  if (!str(p, 'initial-branch') && !configured && !quiet) run.err(DEFAULT_BRANCH_HINT);
  await git.init({ fs: run.gfs, dir, defaultBranch: branch });
  if (!quiet) run.out(`Initialized empty Git repository in ${gitdir}/\n`);
  return 0;
}
