// `docker info`: Display system-wide information (docker/cli cli/command/system/info.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const infoCommand: Command = {
  spec: {
    use: 'info [OPTIONS]',
    aliasesText: 'docker system info, docker info',
    short: 'Display system-wide information',
    args: noArgs,
    categoryTop: 12,
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
    ],
  },
  run: notImplemented,
};
