// `docker push`: Upload an image to a registry (docker/cli cli/command/image/push.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { progressPrinter } from '../../progress.ts';
import { isNameOnly, referenceString, tagNameOnly } from './reference.ts';
import { parseOrFail } from './pull.ts';

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const quiet = opts.quiet === true;
  const all = opts['all-tags'] === true;
  let ref = parseOrFail(args[0]!);
  if (all && !isNameOnly(ref)) throw new CliError(`tag can't be used with --all-tags/-a`, 1);
  if (!all && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!quiet) ctx.stdout.write(`Using default tag: ${ref.tag}\n`);
  }
  // the API client refuses digests before it calls the daemon
  if (ref.digest !== undefined) throw new CliError('cannot push a digest reference', 1);
  const progress = quiet ? () => {} : progressPrinter(ctx.stdout, ctx.tty);
  try {
    await ctx.daemon.imageService.push(referenceString(ref), progress);
  } catch (e) {
    // the daemon has started its progress stream: errors arrive in it, printed bare
    if (e instanceof DaemonError) throw new CliError(e.message, 1);
    throw e;
  }
  if (quiet) ctx.stdout.write(referenceString(ref) + '\n');
  return 0;
};

export const pushCommand: Command = {
  spec: {
    use: 'push [OPTIONS] NAME[:TAG]',
    aliasesText: 'docker image push, docker push',
    short: 'Upload an image to a registry',
    args: exactArgs(1),
    categoryTop: 6,
    flags: [
      { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
      { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image signing' },
      { name: 'platform', type: 'string', usage: `Push a platform-specific manifest as a single-platform image to the registry.
Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`, annotations: { version: '1.46' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
    ],
  },
  run: run as RunFn,
};
