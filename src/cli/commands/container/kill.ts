// `docker kill`: Kill one or more running containers (docker/cli cli/command/container/kill.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

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
  run: notImplemented,
};
