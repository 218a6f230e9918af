// `docker login`: Authenticate to a registry (docker/cli cli/command/registry/login.go).
import type { Command } from '../../command.ts';
import { maxArgs, notImplemented } from '../../command.ts';

export const loginCommand: Command = {
  spec: {
    use: 'login [OPTIONS] [SERVER]',
    short: 'Authenticate to a registry',
    long: `Authenticate to a registry.
Defaults to Docker Hub if no server is specified.`,
    args: maxArgs(1),
    categoryTop: 8,
    flags: [
      { name: 'password', shorthand: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
      { name: 'password-stdin', type: 'bool', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
      { name: 'username', shorthand: 'u', type: 'string', usage: 'Username' },
    ],
  },
  run: notImplemented,
};
