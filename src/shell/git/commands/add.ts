// git add [-A] [--] <pathspec>...: stages new and changed files, and the
// removal of deleted ones, under each path.
import * as git from 'isomorphic-git';
import { parseOptions } from '../options.ts';
import { fatal, prefixOf, requireRepo, resolvePath, type GitRun } from '../run.ts';

const NOTHING = `Nothing specified, nothing added.
hint: Maybe you wanted to say 'git add .'?
hint: Turn this message off by running
hint: "git config advice.addEmptyPathspec false"
`;

export async function add(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('add', argv, [
    { long: 'all', short: 'A' },
    { long: 'update', short: 'u' },
    { long: 'force', short: 'f' },
    { long: 'verbose', short: 'v' },
  ]);
  const whole = p.flags.has('all') || p.flags.has('update');
  if (!p.args.length && !whole) {
    run.err(NOTHING);
    return 0;
  }
  const specs = (p.args.length ? p.args : [dir]).map((a) => {
    const abs = resolvePath(run.cwd, a);
    if (abs !== dir && !abs.startsWith(dir === '/' ? '/' : `${dir}/`)) throw fatal(`${a}: '${a}' is outside repository at '${dir}'`);
    return { arg: a, abs, rel: prefixOf(dir, abs) };
  });
  const matrix = await git.statusMatrix({ fs: run.gfs, dir, cache: run.cache });
  const under = (path: string, rel: string) => rel === '' || path === rel || path.startsWith(`${rel}/`);
  for (const s of specs) {
    if (!run.fs.exists(s.abs) && !matrix.some(([path]) => under(path, s.rel))) {
      throw fatal(`pathspec '${s.arg}' did not match any files`);
    }
  }
  // a file named outright that statusMatrix left out is ignored (.gitignore): added with -f only
  const ignored: string[] = [];
  for (const s of specs) {
    if (s.rel === '' || matrix.some(([path]) => path === s.rel) || run.fs.lstat(s.abs).type === 'dir') continue;
    if (p.flags.has('force')) await git.add({ fs: run.gfs, dir, filepath: s.rel, force: true, cache: run.cache });
    else ignored.push(s.arg);
  }
  for (const [path, head, workdir, stage] of matrix) {
    if (!specs.some((s) => under(path, s.rel))) continue;
    const tracked = stage !== 0 || head !== 0;
    if (p.flags.has('update') && stage === 0) continue;
    if (workdir === 0) {
      if (stage !== 0) await git.remove({ fs: run.gfs, dir, filepath: path, cache: run.cache });
    } else if (!(tracked && workdir === 1 && stage === 1)) {
      await git.add({ fs: run.gfs, dir, filepath: path, cache: run.cache });
      if (p.flags.has('verbose')) run.out(`add '${path}'\n`);
    }
  }
  if (ignored.length) {
    run.err(
      `The following paths are ignored by one of your .gitignore files:\n${ignored.map((i) => `${i}\n`).join('')}` +
        `hint: Use -f if you really want to add them.\nhint: Turn this message off by running\nhint: "git config advice.addIgnoredFile false"\n`,
    );
    return 1;
  }
  return 0;
}
