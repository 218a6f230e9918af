// `docker container inspect`: Display detailed information on one or more containers (docker/cli cli/command/container/inspect.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const containerInspectCommand: Command = {
  spec: {
    use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Display detailed information on one or more containers',
    args: minArgs(1),
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
    ],
  },
  run: notImplemented,
};
