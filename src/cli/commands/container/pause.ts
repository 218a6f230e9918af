// `docker pause`: Pause all processes within one or more containers (docker/cli cli/command/container/pause.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { eachArg } from '../../render.ts';

export const pauseCommand: Command = {
  spec: {
    use: 'pause CONTAINER [CONTAINER...]',
    aliasesText: 'docker container pause, docker pause',
    short: 'Pause all processes within one or more containers',
    args: minArgs(1),
    flags: [],
  },
  run: async (ctx, _opts, args) => {
    const daemon = ctx.daemon as Daemon;
    return eachArg(ctx, args, (a) => {
      daemon.containerService.pause(a);
      return a;
    });
  },
};
