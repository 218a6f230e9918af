// `docker save`: Save one or more images to a tar archive (streamed to STDOUT by default) (docker/cli cli/command/image/save.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const saveCommand: Command = {
  spec: {
    use: 'save [OPTIONS] IMAGE [IMAGE...]',
    aliasesText: 'docker image save, docker save',
    short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    args: minArgs(1),
    flags: [
      { name: 'output', shorthand: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
      { name: 'platform', type: 'string', usage: 'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
    ],
  },
  run: notImplemented,
};
