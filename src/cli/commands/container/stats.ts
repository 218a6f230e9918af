// `docker stats`: Display a live stream of container(s) resource usage statistics (docker/cli cli/command/container/stats.go).
import type { Command } from '../../command.ts';
import { ABORTED, CliError, INTERRUPTED_STATUS, minArgs, untilAborted } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import type { ContainerRecord } from '../../../engine/container/container.ts';
import { cpuPercent, type StatsReading } from '../../../engine/container/stats.ts';
import { bytesSize, humanSize } from '../../format/units.ts';
import { formatterRow, writeFormatted } from '../image/formatter.ts';

const DEFAULT_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

const HEADER = {
  ID: 'CONTAINER ID',
  Container: 'CONTAINER',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

/** How often the CLI redraws (virtual ms). */
const REFRESH_MS = 1000;

/** One watched container: how the user named it, and its last reading. */
interface Watched {
  c: ContainerRecord;
  as: string;
  prev?: StatsReading;
}

/** docker/cli's statsContext: every column as the formatter prints it. */
function row(w: Watched, cur: StatsReading, cpu: number, trunc: boolean): object {
  const mem = cur.running ? cur.memBytes : 0;
  const limit = cur.running ? cur.memLimit : 0;
  return formatterRow(
    {
      BlockIO: `${humanSize(cur.blkRead)} / ${humanSize(cur.blkWrite)}`,
      CPUPerc: `${cpu.toFixed(2)}%`,
      Container: w.as,
      ID: trunc ? w.c.id.slice(0, 12) : w.c.id,
      MemPerc: `${(limit > 0 ? (mem / limit) * 100 : 0).toFixed(2)}%`,
      MemUsage: `${bytesSize(mem)} / ${bytesSize(limit)}`,
      Name: w.c.name,
      NetIO: `${humanSize(cur.netRx)} / ${humanSize(cur.netTx)}`,
      PIDs: String(cur.pids),
    },
    '*container.statsContext',
  );
}

export const statsCommand: Command = {
  spec: {
    use: 'stats [OPTIONS] [CONTAINER...]',
    aliasesText: 'docker container stats, docker stats',
    short: 'Display a live stream of container(s) resource usage statistics',
    args: minArgs(0),
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
      { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const all = opts.all === true;
    const stream = opts['no-stream'] !== true;
    const trunc = opts['no-trunc'] !== true;
    const given = typeof opts.format === 'string' ? opts.format : '';
    const format = given === '' || given === 'table' ? DEFAULT_FORMAT : given;

    let watched: Watched[];
    const explicit = args.length > 0;
    if (explicit) {
      const errs: string[] = [];
      watched = [];
      for (const a of args) {
        try {
          watched.push({ c: daemon.container(a), as: a });
        } catch (e) {
          if (!(e instanceof DaemonError)) throw e;
          errs.push(`Error response from daemon: ${e.message}`);
        }
      }
      if (errs.length > 0) throw new CliError(errs.join('\n'), 1);
    } else watched = [];

    // without names, the set follows the containers that run (or exist, with -a)
    const refresh = () => {
      if (explicit) {
        watched = watched.filter((w) => daemon.containers.has(w.c.id));
        return;
      }
      const keep = new Map(watched.map((w) => [w.c.id, w]));
      watched = daemon
        .containersByCreation()
        .filter((c) => all || c.state.Running)
        .map((c) => keep.get(c.id) ?? { c, as: c.id.slice(0, 12) });
    };
    const frame = (): string => {
      refresh();
      const rows = watched.map((w) => {
        const cur = daemon.containerStats(w.c.id);
        const cpu = cpuPercent(w.prev, cur);
        w.prev = cur;
        return row(w, cur, cpu, trunc);
      });
      return writeFormatted(format, rows, HEADER);
    };
    // one refresh interval; Ctrl-C cancels its timer, so nothing of stats outlives it
    let cancel = () => {};
    const tick = () =>
      new Promise<void>((resolve) => {
        cancel = daemon.clock.setTimer(REFRESH_MS, resolve);
      });
    const interrupted = () => {
      cancel();
      return INTERRUPTED_STATUS;
    };

    // the daemon's first answer carries a reading a second old (moby's collector interval)
    refresh();
    for (const w of watched) w.prev = daemon.containerStats(w.c.id);
    if ((await untilAborted(ctx, tick())) === ABORTED) return interrupted();
    if (!stream) {
      ctx.stdout.write(frame());
      return 0;
    }
    for (;;) {
      const text = frame();
      // docker 28.2 writes the frame, then the same lines again over it with
      // an erase-to-end-of-line each (Fprintln: a space before it), then
      // clears below: the same bytes with a terminal or without
      const lines = ('\x1b[H' + text).split('\n');
      ctx.stdout.write('\x1b[H' + text + lines.map((l) => `${l} \x1b[K\n`).join('') + '\x1b[J');
      if (watched.length === 0 && !all && !explicit) return 0;
      if ((await untilAborted(ctx, tick())) === ABORTED) return interrupted();
    }
  },
};
