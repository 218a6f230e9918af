// `docker import`: Import the contents from a tarball to create a filesystem image (docker/cli cli/command/image/import.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const importCommand: Command = {
  spec: {
    use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
    aliasesText: 'docker image import, docker import',
    short: 'Import the contents from a tarball to create a filesystem image',
    args: minArgs(1),
    flags: [
      { name: 'change', shorthand: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
      { name: 'message', shorthand: 'm', type: 'string', usage: 'Set commit message for imported image' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' } },
    ],
  },
  run: notImplemented,
};
