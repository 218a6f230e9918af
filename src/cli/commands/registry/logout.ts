// `docker logout`: Log out from a registry (docker/cli cli/command/registry/logout.go).
import type { Command } from '../../command.ts';
import { maxArgs, notImplemented } from '../../command.ts';

export const logoutCommand: Command = {
  spec: {
    use: 'logout [SERVER]',
    short: 'Log out from a registry',
    long: `Log out from a registry.
If no server is specified, the default is defined by the daemon.`,
    args: maxArgs(1),
    categoryTop: 9,
    flags: [],
  },
  run: notImplemented,
};
