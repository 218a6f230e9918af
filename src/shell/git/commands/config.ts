// git config [--global | --local] [--list | --get | --unset] <name> [<value>]
import { parseOptions } from '../options.ts';
import { configList, configSet, configValues, findRepo, fatal, gitdirOf, globalConfigPath, parseKey, readText, GitExit, type GitRun } from '../run.ts';
import { USAGE } from '../usage.ts';

export async function config(run: GitRun, argv: string[]): Promise<number> {
  const p = parseOptions('config', argv, [
    { long: 'global' },
    { long: 'local' },
    { long: 'list', short: 'l' },
    { long: 'get' },
    { long: 'unset' },
  ]);
  const repo = findRepo(run.fs, run.cwd);
  const localPath = repo ? `${gitdirOf(repo)}/config` : null;
  const files = p.flags.has('global') ? [globalConfigPath(run)] : p.flags.has('local') ? [localPath] : [globalConfigPath(run), localPath];
  if (p.flags.has('list')) {
    for (const f of files) if (f) for (const line of configList(readText(run.fs, f))) run.out(line + '\n');
    return 0;
  }
  const [key, value] = p.args;
  if (!key || p.args.length > 2) throw new GitExit(129, USAGE.config ?? '');
  if (!parseKey(key)) {
    run.err(`error: key does not contain a section: ${key}\n`);
    return 1;
  }
  if (value === undefined && !p.flags.has('unset')) {
    // the last value wins: the repository's over the user's
    let found: string | undefined;
    for (const f of files) {
      const vs = f ? configValues(readText(run.fs, f), key) : [];
      if (vs.length) found = vs[vs.length - 1];
    }
    if (found === undefined) return 1;
    run.out(found + '\n');
    return 0;
  }
  const target = p.flags.has('global') ? globalConfigPath(run) : localPath;
  if (!target) throw fatal('not in a git directory');
  const text = readText(run.fs, target);
  if (p.flags.has('unset')) {
    if (!configValues(text, key).length) return 5;
    const k = parseKey(key)!;
    let inSection = false;
    const kept = text.split('\n').filter((line) => {
      const s = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"([^"]*)")?\s*\]/.exec(line);
      if (s) inSection = s[1]!.toLowerCase() === k.section && (s[2] ?? undefined) === k.sub;
      return !(inSection && !s && new RegExp(`^\\s*${k.name}\\s*(=|$)`, 'i').test(line));
    });
    run.fs.writeFile(target, new TextEncoder().encode(kept.join('\n')));
    return 0;
  }
  run.fs.writeFile(target, new TextEncoder().encode(configSet(text, key, value!)));
  return 0;
}
