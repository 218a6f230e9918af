// `docker port`: List port mappings or a specific mapping for the container (docker/cli cli/command/container/port.go).
import type { Command } from '../../command.ts';
import { notImplemented, rangeArgs } from '../../command.ts';

export const portCommand: Command = {
  spec: {
    use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
    aliasesText: 'docker container port, docker port',
    short: 'List port mappings or a specific mapping for the container',
    args: rangeArgs(1, 2),
    flags: [],
  },
  run: notImplemented,
};
