// `docker kill`: Kill one or more running containers (docker/cli cli/command/container/kill.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { eachArg } from '../../render.ts';

export const killCommand: Command = {
  spec: {
    use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
    aliasesText: 'docker container kill, docker kill',
    short: 'Kill one or more running containers',
    args: minArgs(1),
    flags: [
      { name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const signal = typeof opts.signal === 'string' && opts.signal !== '' ? opts.signal : 'SIGKILL';
    return eachArg(ctx, args, async (a) => {
      await daemon.containerService.kill(a, signal);
      return a;
    });
  },
};
