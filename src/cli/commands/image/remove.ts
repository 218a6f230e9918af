// `docker rmi`: Remove one or more images (docker/cli cli/command/image/remove.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, minArgs, withUse } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  const force = opts.force === true;
  const prune = opts['no-prune'] !== true;
  let fatal = false;
  const errors: string[] = [];
  for (const img of args) {
    try {
      for (const rec of daemon.imageService.remove(img, force, prune)) {
        ctx.stdout.write('Deleted' in rec ? `Deleted: ${rec.Deleted}\n` : `Untagged: ${rec.Untagged}\n`);
      }
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      if (e.kind !== 'not-found') fatal = true;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  if (errors.length > 0) {
    // errors.Join: one message, one error per line
    if (!force || fatal) throw new CliError(errors.join('\n'), 1);
    ctx.stderr.write(errors.join('\n') + '\n');
  }
  return 0;
};

export const rmiCommand: Command = {
  spec: {
    use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
    aliasesText: 'docker image rm, docker image remove, docker rmi',
    short: 'Remove one or more images',
    args: minArgs(1),
    flags: [
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Force removal of the image' },
      { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
      { name: 'platform', type: 'stringSlice', usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.50' } },
    ],
  },
  run: run as RunFn,
};

/** `docker image rm` (also `rmi`, `remove`): the same command under another name. */
export const imageRmCommand: Command = withUse(rmiCommand, 'rm [OPTIONS] IMAGE [IMAGE...]', ['rmi', 'remove']);
