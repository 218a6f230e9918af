// `docker history`: Show the history of an image (docker/cli cli/command/image/history.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const historyCommand: Command = {
  spec: {
    use: 'history [OPTIONS] IMAGE',
    aliasesText: 'docker image history, docker history',
    short: 'Show the history of an image',
    args: exactArgs(1),
    flags: [
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'human', shorthand: 'H', type: 'bool', default: true, usage: 'Print sizes and dates in human readable format' },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
      { name: 'platform', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
    ],
  },
  run: notImplemented,
};
