// `docker top`: Display the running processes of a container (docker/cli cli/command/container/top.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { tabwrite } from '../../format/tabwriter.ts';

export const topCommand: Command = {
  spec: {
    use: 'top CONTAINER [ps OPTIONS]',
    aliasesText: 'docker container top, docker top',
    short: 'Display the running processes of a container',
    args: minArgs(1),
    interspersed: false,
    flags: [],
  },
  run: async (ctx, _opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const [ref, ...ps] = args as [string, ...string[]];
    const list = daemon.top(ref, ps.join(' '));
    // docker/cli: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0), last column unpadded
    const text = [list.Titles, ...list.Processes].map((r) => r.join('\t') + '\n').join('');
    ctx.stdout.write(tabwrite(text, { minwidth: 20, tabwidth: 1, padding: 3, padchar: ' ' }));
    return 0;
  },
};
