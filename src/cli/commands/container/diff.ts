// `docker diff`: Inspect changes to files or directories on a container's filesystem (docker/cli cli/command/container/diff.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const diffCommand: Command = {
  spec: {
    use: 'diff CONTAINER',
    aliasesText: 'docker container diff, docker diff',
    short: `Inspect changes to files or directories on a container's filesystem`,
    args: exactArgs(1),
    flags: [],
  },
  run: notImplemented,
};
