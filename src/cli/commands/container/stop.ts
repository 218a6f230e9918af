// `docker stop`: Stop one or more running containers (docker/cli cli/command/container/stop.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

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
  run: notImplemented,
};
