// `docker rmi`: Remove one or more images (docker/cli cli/command/image/remove.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented, withUse } from '../../command.ts';

export const rmiCommand: Command = {
  spec: {
    use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
    aliasesText: 'docker image rm, docker image remove, docker rmi',
    short: 'Remove one or more images',
    args: minArgs(1),
    flags: [
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Force removal of the image' },
      { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
      { name: 'platform', type: 'stringSlice', usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.50' } },
    ],
  },
  run: notImplemented,
};

/** `docker image rm` (also `rmi`, `remove`): the same command under another name. */
export const imageRmCommand: Command = withUse(rmiCommand, 'rm [OPTIONS] IMAGE [IMAGE...]', ['rmi', 'remove']);
