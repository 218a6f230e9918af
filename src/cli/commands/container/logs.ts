// `docker logs`: Fetch the logs of a container (docker/cli cli/command/container/logs.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const logsCommand: Command = {
  spec: {
    use: 'logs [OPTIONS] CONTAINER',
    aliasesText: 'docker container logs, docker logs',
    short: 'Fetch the logs of a container',
    args: exactArgs(1),
    flags: [
      { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
      { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
      { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
      { name: 'tail', shorthand: 'n', type: 'string', default: 'all', usage: 'Number of lines to show from the end of the logs' },
      { name: 'timestamps', shorthand: 't', type: 'bool', usage: 'Show timestamps' },
      { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)', annotations: { version: '1.35' } },
    ],
  },
  run: notImplemented,
};
