// `docker top`: Display the running processes of a container (docker/cli cli/command/container/top.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const topCommand: Command = {
  spec: {
    use: 'top CONTAINER [ps OPTIONS]',
    aliasesText: 'docker container top, docker top',
    short: 'Display the running processes of a container',
    args: minArgs(1),
    interspersed: false,
    flags: [],
  },
  run: notImplemented,
};
