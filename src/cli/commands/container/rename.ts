// `docker rename`: Rename a container (docker/cli cli/command/container/rename.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const renameCommand: Command = {
  spec: {
    use: 'rename CONTAINER NEW_NAME',
    aliasesText: 'docker container rename, docker rename',
    short: 'Rename a container',
    args: exactArgs(2),
    flags: [],
  },
  run: notImplemented,
};
