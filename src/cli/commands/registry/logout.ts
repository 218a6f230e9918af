// `docker logout`: Log out from a registry (docker/cli cli/command/registry/logout.go).
import type { Command, RunFn } from '../../command.ts';
import { maxArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { eraseCredentials, registryServer } from './config.ts';

const run: RunFn<Daemon> = async (ctx, _opts, args) => {
  const { key } = registryServer(args[0]);
  if (ctx.host) eraseCredentials(ctx.host.fs, ctx.env.get('HOME') ?? '/root', key);
  // a server named is printed as its host name (credentials.ConvertToHostname)
  const shown = args[0] ? args[0].replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '') : key;
  ctx.stdout.write(`Removing login credentials for ${shown}\n`);
  return 0;
};

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
  run: run as RunFn,
};
