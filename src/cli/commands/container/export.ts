// `docker export`: Export a container's filesystem as a tar archive (docker/cli cli/command/container/export.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const exportCommand: Command = {
  spec: {
    use: 'export [OPTIONS] CONTAINER',
    aliasesText: 'docker container export, docker export',
    short: `Export a container's filesystem as a tar archive`,
    args: exactArgs(1),
    flags: [
      { name: 'output', shorthand: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
    ],
  },
  run: notImplemented,
};
