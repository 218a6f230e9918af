// `docker stop`: Stop one or more running containers (docker/cli cli/command/container/stop.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { eachArg } from '../../render.ts';
import { flagChanged } from '../../command.ts';

export const stopCommand: Command = {
  spec: {
    use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
    aliasesText: 'docker container stop, docker stop',
    short: 'Stop one or more running containers',
    args: minArgs(1),
    flags: [
      { name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' },
      { name: 'timeout', shorthand: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
      { name: 'time', type: 'int', usage: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true, deprecated: 'use --timeout instead' },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const timeout = flagChanged(opts, 'timeout') ? (opts.timeout as number) : flagChanged(opts, 'time') ? (opts.time as number) : undefined;
    const signal = typeof opts.signal === 'string' && opts.signal !== '' ? opts.signal : undefined;
    return eachArg(ctx, args, async (a) => {
      await daemon.containerService.stop(a, timeout, signal);
      return a;
    });
  },
};
