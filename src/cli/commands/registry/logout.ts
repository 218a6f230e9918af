// `docker logout`: Log out from a registry (docker/cli cli/command/registry/logout.go).
import type { Command, RunFn } from '../../command.ts';
import { maxArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { INDEX_SERVER, convertToHostname, eraseCredentials } from './config.ts';

const run: RunFn<Daemon> = async (ctx, _opts, args) => {
  const server = args[0] ?? '';
  // without a server: the Hub's key; with one, the address as typed and the
  // spellings older clients saved it under (docker/cli runLogout)
  let keys = [INDEX_SERVER];
  let shown = INDEX_SERVER;
  if (server !== '') {
    shown = convertToHostname(server);
    keys = [server, shown, `http://${shown}`, `https://${shown}`];
  }
  ctx.stdout.write(`Removing login credentials for ${shown}\n`);
  if (ctx.host) eraseCredentials(ctx.host.fs, ctx.env.get('HOME') ?? '/root', keys);
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
