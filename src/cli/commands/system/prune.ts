// `docker system prune`: Remove unused data (docker/cli cli/command/system/prune.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const systemPruneCommand: Command = {
  spec: {
    use: 'prune [OPTIONS]',
    short: 'Remove unused data',
    args: noArgs,
    annotations: { version: '1.25' },
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")', annotations: { version: '1.28' } },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
      { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
    ],
  },
  run: notImplemented,
};
