// `docker pause`: Pause all processes within one or more containers (docker/cli cli/command/container/pause.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const pauseCommand: Command = {
  spec: {
    use: 'pause CONTAINER [CONTAINER...]',
    aliasesText: 'docker container pause, docker pause',
    short: 'Pause all processes within one or more containers',
    args: minArgs(1),
    flags: [],
  },
  run: notImplemented,
};
