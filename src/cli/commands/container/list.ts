// `docker ps`: List containers (docker/cli cli/command/container/list.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented, withUse } from '../../command.ts';

export const psCommand: Command = {
  spec: {
    use: 'ps [OPTIONS]',
    aliasesText: 'docker container ls, docker container list, docker container ps, docker ps',
    short: 'List containers',
    args: noArgs,
    categoryTop: 3,
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
      { name: 'filter', shorthand: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'last', shorthand: 'n', type: 'int', default: -1, usage: 'Show n last created containers (includes all states)' },
      { name: 'latest', shorthand: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display container IDs' },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
    ],
  },
  run: notImplemented,
};

/** `docker container ls` (also `list`, `ps`): the same command under another name. */
export const containerLsCommand: Command = withUse(psCommand, 'ls [OPTIONS]', ['ps', 'list']);
