// git mv <source> <destination>: the file (or a directory's tracked files)
// moved in the working tree and in the index.
import * as git from 'isomorphic-git';
import { parseOptions } from '../options.ts';
import { fatal, GitExit, prefixOf, requireRepo, resolvePath, type GitRun } from '../run.ts';
import { indexEntries } from '../diffstat.ts';
import { USAGE } from '../usage.ts';

export async function mv(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('mv', argv, [{ long: 'force', short: 'f' }, { long: 'verbose', short: 'v' }]);
  if (p.args.length !== 2) throw new GitExit(129, USAGE.mv ?? '');
  const [srcArg, dstArg] = p.args as [string, string];
  const src = resolvePath(run.cwd, srcArg);
  let dst = resolvePath(run.cwd, dstArg);
  const where = `source=${srcArg}, destination=${dstArg}`;
  if (!run.fs.exists(src)) throw fatal(`bad source, ${where}`);
  if (run.fs.exists(dst) && run.fs.stat(dst).type === 'dir') dst = `${dst}/${src.slice(src.lastIndexOf('/') + 1)}`;
  const from = prefixOf(dir, src);
  const to = prefixOf(dir, dst);
  const index = [...(await indexEntries(run, dir)).keys()];
  const tracked = index.filter((x) => x === from || x.startsWith(`${from}/`));
  if (!tracked.length) throw fatal(`not under version control, ${where}`);
  if (run.fs.exists(dst) && !p.flags.has('force')) throw fatal(`destination exists, ${where}`);
  const parent = dst.slice(0, dst.lastIndexOf('/')) || '/';
  if (!run.fs.exists(parent)) throw fatal(`renaming '${srcArg}' failed: No such file or directory`);
  if (run.fs.exists(dst)) run.fs.rm(dst, { recursive: true });
  run.fs.rename(src, dst);
  for (const old of tracked) {
    const moved = to + old.slice(from.length);
    await git.remove({ fs: run.gfs, dir, filepath: old, cache: run.cache });
    await git.add({ fs: run.gfs, dir, filepath: moved, cache: run.cache });
    if (p.flags.has('verbose')) run.out(`Renaming ${old} to ${moved}\n`);
  }
  return 0;
}
