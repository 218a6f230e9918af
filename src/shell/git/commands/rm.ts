// git rm [--cached] [-r] [-f] [-q] <pathspec>...: files out of the index
// (and, without --cached, out of the working tree), refusing to lose
// changes git could not get back.
import * as git from 'isomorphic-git';
import { parseOptions } from '../options.ts';
import { fatal, prefixOf, requireRepo, resolvePath, type GitRun } from '../run.ts';
import { indexEntries } from '../diffstat.ts';
import { treeStatus } from '../status.ts';

export async function rm(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('rm', argv, [
    { long: 'cached' },
    { long: 'r', short: 'r' },
    { long: 'force', short: 'f' },
    { long: 'quiet', short: 'q' },
  ]);
  if (!p.args.length) throw fatal('No pathspec was given. Which files should I remove?');
  const index = [...(await indexEntries(run, dir)).keys()];
  const chosen = new Set<string>();
  for (const spec of p.args) {
    const rel = prefixOf(dir, resolvePath(run.cwd, spec));
    const exact = index.filter((x) => x === rel);
    const below = index.filter((x) => rel === '' || x.startsWith(`${rel}/`));
    if (!exact.length && !below.length) throw fatal(`pathspec '${spec}' did not match any files`);
    if (!exact.length && !p.flags.has('r')) throw fatal(`not removing '${spec}' recursively without -r`);
    for (const x of [...exact, ...below]) chosen.add(x);
  }
  const paths = [...chosen].sort();
  if (!p.flags.has('force')) {
    const st = await treeStatus(run, dir);
    const byPath = new Map(st.changes.map((c) => [c.path, c]));
    const cached = p.flags.has('cached');
    const modified = paths.filter((x) => !cached && byPath.get(x)?.y === 'M');
    const staged = paths.filter((x) => !cached && !modified.includes(x) && byPath.get(x)?.x === 'M');
    const both = paths.filter((x) => cached && byPath.get(x)?.x === 'M' && byPath.get(x)?.y === 'M');
    const refuse = (what: string, list: string[], hint: string) =>
      `error: the following file${list.length === 1 ? ' has' : 's have'} ${what}:\n${list.map((x) => `    ${x}\n`).join('')}${hint}\n`;
    let message = '';
    if (both.length) message += refuse('staged content different from both the\nfile and the HEAD', both, '(use -f to force removal)');
    if (staged.length) message += refuse('changes staged in the index', staged, '(use --cached to keep the file, or -f to force removal)');
    if (modified.length) message += refuse('local modifications', modified, '(use --cached to keep the file, or -f to force removal)');
    if (message) {
      run.err(message);
      return 1;
    }
  }
  const root = dir === '/' ? '' : dir;
  for (const x of paths) {
    if (!p.flags.has('quiet')) run.out(`rm '${x}'\n`);
    await git.remove({ fs: run.gfs, dir, filepath: x, cache: run.cache });
    if (p.flags.has('cached')) continue;
    const file = `${root}/${x}`;
    if (run.fs.exists(file) || isLink(run, file)) run.fs.rm(file);
    // the directories it leaves empty go too
    for (let d = x.slice(0, Math.max(0, x.lastIndexOf('/'))); d; d = d.slice(0, Math.max(0, d.lastIndexOf('/')))) {
      const path = `${root}/${d}`;
      if (!run.fs.exists(path) || run.fs.readdir(path).length) break;
      run.fs.rm(path);
    }
  }
  return 0;
}

function isLink(run: GitRun, path: string): boolean {
  try {
    return run.fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}
