// `docker ps`: List containers (docker/cli cli/command/container/list.go).
import type { Command } from '../../command.ts';
import { flagChanged, noArgs, withUse } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { renderList } from '../../render.ts';
import { containerFormat, containerRows, filterContainers, preprocessPsFormat, PS_FORMAT } from './ps-format.ts';

export const psCommand: Command = {
  spec: {
    use: 'ps [OPTIONS]',
    aliasesText: 'docker container ls, docker container list, docker container ps, docker ps',
    short: 'List containers',
    args: noArgs,
    categoryTop: 3,
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
      { name: 'filter', shorthand: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'last', shorthand: 'n', type: 'int', default: -1, usage: 'Show n last created containers (includes all states)' },
      { name: 'latest', shorthand: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display container IDs' },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
    ],
  },
  run: async (ctx, opts) => {
    const daemon = ctx.daemon as Daemon;
    const quiet = opts.quiet === true;
    const source = typeof opts.format === 'string' ? opts.format : '';
    if (source !== '' && quiet) ctx.stderr.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    // buildContainerListOptions: --latest is a limit of 1 unless --last was given; a
    // --format that reads .Size asks the daemon for sizes, unless --size was given either way
    let limit = typeof opts.last === 'number' ? opts.last : -1;
    if (opts.latest === true && limit === -1) limit = 1;
    let size = opts.size === true;
    if (source !== '' && preprocessPsFormat(source, daemon.now()) && !quiet && !size && !flagChanged(opts, 'size')) size = true;
    const filters = (opts.filter as string[] | undefined) ?? [];
    const list = filterContainers(daemon, daemon.listContainers(), filters, opts.all === true, limit);
    const text = containerFormat(source, quiet, size);
    const rows = containerRows(list, daemon.now(), opts['no-trunc'] !== true, size);
    ctx.stdout.write(renderList(text, rows, PS_FORMAT.headers));
    return 0;
  },
};

/** `docker container ls` (also `list`, `ps`): the same command under another name. */
export const containerLsCommand: Command = withUse(psCommand, 'ls [OPTIONS]', ['ps', 'list']);
