// git clone [-q] [-b <branch>] <repository> [<directory>]: the sample
// repositories offline; anything else fails as with no network.
import { parseOptions, str } from '../options.ts';
import { cloneLocal, cloneSample, humanish, isLocal, lookupRemote, repositoryAt } from '../clone.ts';
import { fatal, GitExit, resolvePath, type GitRun } from '../run.ts';
import { USAGE } from '../usage.ts';

export async function clone(run: GitRun, argv: string[]): Promise<number> {
  const p = parseOptions('clone', argv, [
    { long: 'quiet', short: 'q' },
    { long: 'branch', short: 'b', value: true },
    { long: 'depth', value: true },
    { long: 'single-branch' },
    { long: 'verbose', short: 'v' },
    { long: 'progress' },
  ]);
  const [url, dirArg] = p.args;
  if (!url) throw new GitExit(129, `fatal: You must specify a repository to clone.\n\n${USAGE.clone}`);
  if (p.args.length > 2) throw new GitExit(129, `fatal: Too many arguments.\n\n${USAGE.clone}`);
  const name = dirArg ?? humanish(url);
  const dir = resolvePath(run.cwd, name);
  if (run.fs.exists(dir) && (run.fs.stat(dir).type !== 'dir' || run.fs.readdir(dir).length > 0)) {
    throw fatal(`destination path '${name}' already exists and is not an empty directory.`);
  }
  const created = !run.fs.exists(dir);
  let failure: string | null;
  let status = 128;
  if (isLocal(url)) {
    // a repository on this machine: copied, as git does for a path
    const path = url.replace(/^file:\/\//i, '');
    const source = repositoryAt(run.fs, resolvePath(run.cwd, path));
    if (!source) throw fatal(`repository '${path}' does not exist`);
    if (!p.flags.has('quiet')) run.err(`Cloning into '${name}'...\n`);
    const origin = /^file:\/\//i.test(url) ? url : resolvePath(run.cwd, path);
    const done = await cloneLocal(run.fs, source, dir, origin, str(p, 'branch'));
    if ('warning' in done) {
      if (!p.flags.has('quiet')) run.err(`${done.warning}done.\n`);
      return 0;
    }
    failure = done.failure;
  } else {
    if (!p.flags.has('quiet')) run.err(`Cloning into '${name}'...\n`);
    const remote = lookupRemote(url);
    if ('sample' in remote) failure = await cloneSample(run.fs, dir, remote.sample, { url, branch: str(p, 'branch') });
    else [failure, status] = [remote.output, remote.status];
    if (failure === null) return 0;
  }
  if (run.fs.exists(dir)) {
    if (created) run.fs.rm(dir, { recursive: true });
    else for (const e of run.fs.readdir(dir)) run.fs.rm(`${dir}/${e}`, { recursive: true });
  }
  run.err(failure);
  return status;
}
