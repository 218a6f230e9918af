// `docker rm`: Remove one or more containers (docker/cli cli/command/container/rm.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { eachArg } from '../../render.ts';

export const rmCommand: Command = {
  spec: {
    use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
    aliases: ['remove'],
    aliasesText: 'docker container rm, docker container remove, docker rm',
    short: 'Remove one or more containers',
    args: minArgs(1),
    flags: [
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
      { name: 'link', shorthand: 'l', type: 'bool', usage: 'Remove the specified link' },
      { name: 'volumes', shorthand: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    return eachArg(ctx, args, async (a) => {
      const name = a.replace(/^\//, '');
      await daemon.containerService.remove(name, opts.force === true);
      return a;
    });
  },
};
