// `docker system df`: Show docker disk usage (docker/cli cli/command/system/df.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const dfCommand: Command = {
  spec: {
    use: 'df [OPTIONS]',
    short: 'Show docker disk usage',
    args: noArgs,
    annotations: { version: '1.25' },
    flags: [
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'verbose', shorthand: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
    ],
  },
  run: notImplemented,
};
