// `docker events`: Get real time events from the server (docker/cli cli/command/system/events.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const eventsCommand: Command = {
  spec: {
    use: 'events [OPTIONS]',
    aliasesText: 'docker system events, docker events',
    short: 'Get real time events from the server',
    args: noArgs,
    flags: [
      { name: 'filter', shorthand: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
      { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
    ],
  },
  run: notImplemented,
};
