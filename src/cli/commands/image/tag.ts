// `docker tag`: Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE (docker/cli cli/command/image/tag.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const tagCommand: Command = {
  spec: {
    use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    aliasesText: 'docker image tag, docker tag',
    short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    args: exactArgs(2),
    interspersed: false,
    flags: [],
  },
  run: notImplemented,
};
