// `docker wait`: Block until one or more containers stop, then print their exit codes (docker/cli cli/command/container/wait.go).
import type { Command } from '../../command.ts';
import { ABORTED, CliError, INTERRUPTED_STATUS, minArgs, untilAborted } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { eachArg } from '../../render.ts';

export const waitCommand: Command = {
  spec: {
    use: 'wait CONTAINER [CONTAINER...]',
    aliasesText: 'docker container wait, docker wait',
    short: 'Block until one or more containers stop, then print their exit codes',
    args: minArgs(1),
    flags: [],
  },
  run: async (ctx, _opts, args) => {
    const daemon = ctx.daemon as Daemon;
    return eachArg(ctx, args, async (a) => {
      const status = await untilAborted(ctx, daemon.containerService.wait(a));
      // Ctrl-C: docker/cli's wait fails with the cancelled context and prints nothing more
      if (status === ABORTED) throw new CliError('', INTERRUPTED_STATUS);
      return String(status);
    });
  },
};
