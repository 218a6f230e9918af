// `docker diff`: Inspect changes to files or directories on a container's filesystem (docker/cli cli/command/container/diff.go).
import type { Command } from '../../command.ts';
import { exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { containerChanges, formatChanges } from '../../../engine/fs/diff.ts';

export const diffCommand: Command = {
  spec: {
    use: 'diff CONTAINER',
    aliasesText: 'docker container diff, docker diff',
    short: `Inspect changes to files or directories on a container's filesystem`,
    args: exactArgs(1),
    flags: [],
  },
  run: async (ctx, _opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const c = daemon.container(args[0]!);
    const changes = containerChanges(daemon.layers.rwTree(c.rwLayer), daemon.layers.lowerTrees(c.rwLayer));
    ctx.stdout.write(formatChanges(changes));
    return 0;
  },
};
