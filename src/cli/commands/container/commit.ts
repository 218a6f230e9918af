// `docker commit`: Create a new image from a container's changes (docker/cli cli/command/container/commit.go).
import type { Command } from '../../command.ts';
import { notImplemented, rangeArgs } from '../../command.ts';

export const commitCommand: Command = {
  spec: {
    use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
    aliasesText: 'docker container commit, docker commit',
    short: `Create a new image from a container's changes`,
    args: rangeArgs(1, 2),
    interspersed: false,
    flags: [
      { name: 'author', shorthand: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
      { name: 'change', shorthand: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
      { name: 'message', shorthand: 'm', type: 'string', usage: 'Commit message' },
      { name: 'pause', shorthand: 'p', type: 'bool', default: true, usage: 'Pause container during commit' },
    ],
  },
  run: notImplemented,
};
