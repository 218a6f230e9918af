// git remote [-v] | add <name> <url> | remove <name> | get-url <name>
import * as git from 'isomorphic-git';
import { configGet, requireRepo, GitExit, type GitRun } from '../run.ts';
import { USAGE } from '../usage.ts';

export async function remote(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const verbose = argv[0] === '-v' || argv[0] === '--verbose';
  const args = verbose ? argv.slice(1) : argv;
  for (const a of args) if (a.startsWith('-')) throw new GitExit(129, `error: unknown option \`${a.replace(/^-+/, '')}'\n${USAGE.remote}`);
  const [sub, ...rest] = args;
  const remotes = await git.listRemotes({ fs: run.gfs, dir });
  if (!sub) {
    for (const r of remotes) {
      if (verbose) {
        const push = configGet(run, dir, `remote.${r.remote}.pushurl`) ?? r.url;
        run.out(`${r.remote}\t${r.url} (fetch)\n${r.remote}\t${push} (push)\n`);
      } else run.out(`${r.remote}\n`);
    }
    return 0;
  }
  if (sub === 'add') {
    const [name, url] = rest;
    if (!name || !url || rest.length > 2) throw new GitExit(129, USAGE.remote ?? '');
    if (remotes.some((r) => r.remote === name)) {
      run.err(`error: remote ${name} already exists.\n`);
      return 3;
    }
    await git.addRemote({ fs: run.gfs, dir, remote: name, url });
    return 0;
  }
  if (sub === 'remove' || sub === 'rm') {
    const [name] = rest;
    if (!name) throw new GitExit(129, USAGE.remote ?? '');
    if (!remotes.some((r) => r.remote === name)) {
      run.err(`error: No such remote: '${name}'\n`);
      return 2;
    }
    await git.deleteRemote({ fs: run.gfs, dir, remote: name });
    return 0;
  }
  if (sub === 'get-url') {
    const r = remotes.find((x) => x.remote === rest[0]);
    if (!r) {
      run.err(`error: No such remote '${rest[0] ?? ''}'\n`);
      return 2;
    }
    run.out(`${r.url}\n`);
    return 0;
  }
  run.err(`error: Unknown subcommand: ${sub}\n${USAGE.remote}`);
  return 129;
}
