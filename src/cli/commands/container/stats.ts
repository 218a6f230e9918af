// `docker stats`: Display a live stream of container(s) resource usage statistics (docker/cli cli/command/container/stats.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const statsCommand: Command = {
  spec: {
    use: 'stats [OPTIONS] [CONTAINER...]',
    aliasesText: 'docker container stats, docker stats',
    short: 'Display a live stream of container(s) resource usage statistics',
    args: minArgs(0),
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
      { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    ],
  },
  run: notImplemented,
};
