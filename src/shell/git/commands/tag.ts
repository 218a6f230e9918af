// git tag [-l] | <name> [<commit>] | -a/-m <msg> <name> | -d <name>
import * as git from 'isomorphic-git';
import { parseOptions } from '../options.ts';
import { fatal, byteOrder, requireRepo, type GitRun } from '../run.ts';
import { identity } from './commit.ts';
import { resolveRevision } from './log.ts';

export async function tag(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  const p = parseOptions('tag', argv, [
    { long: 'list', short: 'l' },
    { long: 'delete', short: 'd' },
    { long: 'annotate', short: 'a' },
    { long: 'message', short: 'm', value: true, repeat: true },
    { long: 'force', short: 'f' },
  ]);
  const tags = (await git.listTags({ fs: run.gfs, dir })).sort(byteOrder);
  if (p.flags.has('delete')) {
    let status = 0;
    for (const name of p.args) {
      if (!tags.includes(name)) {
        run.err(`error: tag '${name}' not found.\n`);
        status = 1;
        continue;
      }
      const oid = await git.resolveRef({ fs: run.gfs, dir, ref: `refs/tags/${name}`, depth: 1 }).catch(() => '');
      await git.deleteTag({ fs: run.gfs, dir, ref: name });
      run.out(`Deleted tag '${name}' (was ${oid.slice(0, 7)})\n`);
    }
    return status;
  }
  if (!p.args.length || p.flags.has('list')) {
    run.out(tags.map((t) => `${t}\n`).join(''));
    return 0;
  }
  const [name, target] = p.args as [string, string | undefined];
  if (!/^(?!-)(?!.*\.\.)(?!.*[\s~^:?*[\\])(?!.*@\{)(?!.*\.lock$)(?!.*\/$)[^\x00-\x1f\x7f]+$/.test(name)) throw fatal(`'${name}' is not a valid tag name.`);
  if (tags.includes(name) && !p.flags.has('force')) throw fatal(`tag '${name}' already exists`);
  const oid = await resolveRevision(run, dir, target ?? 'HEAD');
  if (!oid) throw fatal(`Failed to resolve '${target ?? 'HEAD'}' as a valid ref.`);
  const messages = p.flags.get('message');
  if (p.flags.has('annotate') || Array.isArray(messages)) {
    if (!Array.isArray(messages)) {
      run.err('fatal: no tag message?\n');
      return 128;
    }
    const who = identity(run, dir);
    const tagger = { ...who, timestamp: Math.floor(run.now() / 1000), timezoneOffset: 0 };
    await git.annotatedTag({ fs: run.gfs, dir, ref: name, object: oid, message: messages.join('\n\n') + '\n', tagger, force: p.flags.has('force') });
    return 0;
  }
  await git.tag({ fs: run.gfs, dir, ref: name, object: oid, force: p.flags.has('force') });
  return 0;
}
