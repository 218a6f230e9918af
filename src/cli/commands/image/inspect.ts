// `docker image inspect`: Display detailed information on one or more images (docker/cli cli/command/image/inspect.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const imageInspectCommand: Command = {
  spec: {
    use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
    short: 'Display detailed information on one or more images',
    args: minArgs(1),
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'platform', type: 'string', usage: `Inspect a specific platform of the multi-platform image.
If the image or the server is not multi-platform capable, the command will error out if the platform does not match.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`, annotations: { version: '1.49' } },
    ],
  },
  run: notImplemented,
};
