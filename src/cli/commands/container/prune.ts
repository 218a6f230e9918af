// `docker container prune`: Remove all stopped containers (docker/cli cli/command/container/prune.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const containerPruneCommand: Command = {
  spec: {
    use: 'prune [OPTIONS]',
    short: 'Remove all stopped containers',
    args: noArgs,
    annotations: { version: '1.25' },
    flags: [
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ],
  },
  run: notImplemented,
};
