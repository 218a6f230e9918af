// `docker system`: Manage Docker (docker/cli cli/command/system/cmd.go).
import type { Command } from '../../command.ts';
import { noArgs } from '../../command.ts';
import { dfCommand } from './df.ts';
import { eventsCommand } from './events.ts';
import { infoCommand } from './info.ts';
import { systemPruneCommand } from './prune.ts';

/** `docker system dial-stdio`: hidden; proxies the daemon socket to stdio. */
const dialStdioCommand: Command = {
  spec: { use: 'dial-stdio', short: 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.', args: noArgs, hidden: true, flags: [] },
};

export const systemCommand: Command = {
  spec: { use: 'system', short: 'Manage Docker', args: noArgs, flags: [] },
  subcommands: [eventsCommand, infoCommand, dfCommand, systemPruneCommand, dialStdioCommand],
};
