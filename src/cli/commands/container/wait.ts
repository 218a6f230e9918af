// `docker wait`: Block until one or more containers stop, then print their exit codes (docker/cli cli/command/container/wait.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const waitCommand: Command = {
  spec: {
    use: 'wait CONTAINER [CONTAINER...]',
    aliasesText: 'docker container wait, docker wait',
    short: 'Block until one or more containers stop, then print their exit codes',
    args: minArgs(1),
    flags: [],
  },
  run: notImplemented,
};
