// `docker start`: Start one or more stopped containers (docker/cli cli/command/container/start.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const startCommand: Command = {
  spec: {
    use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
    aliasesText: 'docker container start, docker start',
    short: 'Start one or more stopped containers',
    args: minArgs(1),
    flags: [
      { name: 'attach', shorthand: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
      { name: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint', annotations: { experimental: true, ostype: 'linux' } },
      { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory', annotations: { experimental: true, ostype: 'linux' } },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'interactive', shorthand: 'i', type: 'bool', usage: `Attach container's STDIN` },
    ],
  },
  run: notImplemented,
};
