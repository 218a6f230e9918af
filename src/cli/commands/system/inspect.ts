// `docker inspect`: Return low-level information on Docker objects (docker/cli cli/command/system/inspect.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const inspectCommand: Command = {
  spec: {
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: minArgs(1),
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
      { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
    ],
  },
  run: notImplemented,
};
