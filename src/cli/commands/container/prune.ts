// `docker container prune`: Remove all stopped containers (docker/cli cli/command/container/prune.go).
import type { Command } from '../../command.ts';
import { noArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { humanSize } from '../../format/index.ts';
import { confirm } from '../../prompt.ts';

export const containerPruneCommand: Command = {
  spec: {
    use: 'prune [OPTIONS]',
    short: 'Remove all stopped containers',
    args: noArgs,
    annotations: { version: '1.25' },
    flags: [
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ],
  },
  run: async (ctx, opts) => {
    const daemon = ctx.daemon as Daemon;
    if (opts.force !== true && !(await confirm(ctx, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?'))) {
      return 0;
    }
    const r = daemon.containerService.prune();
    if (r.deleted.length > 0) ctx.stdout.write(`Deleted Containers:\n${r.deleted.map((id) => id + '\n').join('')}\n`);
    ctx.stdout.write(`Total reclaimed space: ${humanSize(r.spaceReclaimed)}\n`);
    return 0;
  },
};
