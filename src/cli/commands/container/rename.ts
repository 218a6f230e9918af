// `docker rename`: Rename a container (docker/cli cli/command/container/rename.go).
import type { Command } from '../../command.ts';
import { exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';

export const renameCommand: Command = {
  spec: {
    use: 'rename CONTAINER NEW_NAME',
    aliasesText: 'docker container rename, docker rename',
    short: 'Rename a container',
    args: exactArgs(2),
    flags: [],
  },
  run: async (ctx, _opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const [oldName, newName] = [args[0]!.trim(), args[1]!.trim()];
    if (oldName === '' || newName === '') {
      ctx.stderr.write('Error: Neither old nor new names may be empty\n');
      return 1;
    }
    try {
      daemon.containerService.rename(oldName, newName);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      ctx.stderr.write(`Error response from daemon: ${e.message}\nError: failed to rename container named ${oldName}\n`);
      return 1;
    }
    return 0;
  },
};
