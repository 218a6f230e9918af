// `docker pull`: Download an image from a registry (docker/cli cli/command/image/pull.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const pullCommand: Command = {
  spec: {
    use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
    aliasesText: 'docker image pull, docker pull',
    short: 'Download an image from a registry',
    args: exactArgs(1),
    categoryTop: 5,
    flags: [
      { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
      { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image verification' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
    ],
  },
  run: notImplemented,
};
