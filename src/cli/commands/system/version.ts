// `docker version`: Show the Docker version information (docker/cli cli/command/system/version.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const versionCommand: Command = {
  spec: {
    use: 'version [OPTIONS]',
    short: 'Show the Docker version information',
    args: noArgs,
    categoryTop: 10,
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
    ],
  },
  run: notImplemented,
};
