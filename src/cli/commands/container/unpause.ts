// `docker unpause`: Unpause all processes within one or more containers (docker/cli cli/command/container/unpause.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { eachArg } from '../../render.ts';

export const unpauseCommand: Command = {
  spec: {
    use: 'unpause CONTAINER [CONTAINER...]',
    aliasesText: 'docker container unpause, docker unpause',
    short: 'Unpause all processes within one or more containers',
    args: minArgs(1),
    flags: [],
  },
  run: async (ctx, _opts, args) => {
    const daemon = ctx.daemon as Daemon;
    return eachArg(ctx, args, (a) => {
      daemon.containerService.unpause(a);
      return a;
    });
  },
};
