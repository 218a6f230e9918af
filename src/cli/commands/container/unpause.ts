// `docker unpause`: Unpause all processes within one or more containers (docker/cli cli/command/container/unpause.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const unpauseCommand: Command = {
  spec: {
    use: 'unpause CONTAINER [CONTAINER...]',
    aliasesText: 'docker container unpause, docker unpause',
    short: 'Unpause all processes within one or more containers',
    args: minArgs(1),
    flags: [],
  },
  run: notImplemented,
};
