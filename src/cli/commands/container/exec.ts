// `docker exec`: Execute a command in a running container (docker/cli cli/command/container/exec.go).
import type { Command } from '../../command.ts';
import { validateEnv } from '../opts.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const execCommand: Command = {
  spec: {
    use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    aliasesText: 'docker container exec, docker exec',
    short: 'Execute a command in a running container',
    args: minArgs(2),
    interspersed: false,
    categoryTop: 2,
    flags: [
      { name: 'detach', shorthand: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'env', shorthand: 'e', type: 'list', usage: 'Set environment variables', annotations: { version: '1.25' }, validate: validateEnv },
      { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables', annotations: { version: '1.25' } },
      { name: 'interactive', shorthand: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
      { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
      { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
      { name: 'user', shorthand: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
      { name: 'workdir', shorthand: 'w', type: 'string', usage: 'Working directory inside the container', annotations: { version: '1.35' } },
    ],
  },
  run: notImplemented,
};
