// `docker load`: Load an image from a tar archive or STDIN (docker/cli cli/command/image/load.go).
import type { Command } from '../../command.ts';
import { noArgs, notImplemented } from '../../command.ts';

export const loadCommand: Command = {
  spec: {
    use: 'load [OPTIONS]',
    aliasesText: 'docker image load, docker load',
    short: 'Load an image from a tar archive or STDIN',
    args: noArgs,
    flags: [
      { name: 'input', shorthand: 'i', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
      { name: 'platform', type: 'string', usage: 'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the load output' },
    ],
  },
  run: notImplemented,
};
