// `docker image prune`: Remove unused images (docker/cli cli/command/image/prune.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const imagePruneCommand: Command = {
  spec: {
    use: 'prune [OPTIONS]',
    short: 'Remove unused images',
    args: noArgs,
    annotations: { version: '1.25' },
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ],
  },
  run: notImplemented,
};
