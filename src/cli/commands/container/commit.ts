// `docker commit`: Create a new image from a container's changes (docker/cli cli/command/container/commit.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, rangeArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { applyChanges } from '../image/changes.ts';
import { parseOrFail } from '../image/pull.ts';
import { referenceString, tagNameOnly } from '../image/reference.ts';

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  // the API client: trimID, then the reference, before calling the daemon
  const name = args[0]!.trim();
  if (name === '') throw new CliError('invalid container name or ID: value is empty', 1);
  let ref: string | undefined;
  if (args[1] !== undefined && args[1] !== '') {
    const parsed = parseOrFail(args[1]);
    if (parsed.digest !== undefined) throw new CliError('refusing to create a tag with a digest reference', 1);
    ref = referenceString(tagNameOnly(parsed));
  }
  // the daemon: the container, its state, then the changes
  const c = daemon.container(name);
  if (c.state.Dead) throw new DaemonError('conflict', `You cannot commit container ${c.id} which is Dead`);
  if (c.removing) throw new DaemonError('conflict', `You cannot commit container ${c.id} which is being removed`);
  const changes = applyChanges(c.config, (opts.change as string[] | undefined) ?? []);
  const img = await daemon.imageService.commit(c, {
    ref,
    message: String(opts.message ?? ''),
    author: String(opts.author ?? ''),
    changes,
  });
  ctx.stdout.write(img.id + '\n');
  return 0;
};

export const commitCommand: Command = {
  spec: {
    use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
    aliasesText: 'docker container commit, docker commit',
    short: `Create a new image from a container's changes`,
    args: rangeArgs(1, 2),
    interspersed: false,
    flags: [
      { name: 'author', shorthand: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
      { name: 'change', shorthand: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
      { name: 'message', shorthand: 'm', type: 'string', usage: 'Commit message' },
      { name: 'pause', shorthand: 'p', type: 'bool', default: true, usage: 'Pause container during commit' },
    ],
  },
  run: run as RunFn,
};
