// `docker restart`: Restart one or more containers (docker/cli cli/command/container/restart.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const restartCommand: Command = {
  spec: {
    use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
    aliasesText: 'docker container restart, docker restart',
    short: 'Restart one or more containers',
    args: minArgs(1),
    flags: [
      { name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' },
      { name: 'timeout', shorthand: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
      { name: 'time', type: 'int', usage: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true, deprecated: 'use --timeout instead' },
    ],
  },
  run: notImplemented,
};
