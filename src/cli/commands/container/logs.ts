// `docker logs`: Fetch the logs of a container (docker/cli cli/command/container/logs.go).
import type { Command } from '../../command.ts';
import { ABORTED, exactArgs, INTERRUPTED_STATUS, untilAborted } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { parseTimeArg } from './time-arg.ts';
import type { LogLine } from '../../../engine/container/container.ts';

export const logsCommand: Command = {
  spec: {
    use: 'logs [OPTIONS] CONTAINER',
    aliasesText: 'docker container logs, docker logs',
    short: 'Fetch the logs of a container',
    args: exactArgs(1),
    flags: [
      { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
      { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
      { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
      { name: 'tail', shorthand: 'n', type: 'string', default: 'all', usage: 'Number of lines to show from the end of the logs' },
      { name: 'timestamps', shorthand: 't', type: 'bool', usage: 'Show timestamps' },
      { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)', annotations: { version: '1.35' } },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const c = daemon.container(args[0]!);
    const now = daemon.now();
    const since = typeof opts.since === 'string' && opts.since !== '' ? parseTimeArg(opts.since, now, 'since') : undefined;
    const until = typeof opts.until === 'string' && opts.until !== '' ? parseTimeArg(opts.until, now, 'until') : undefined;
    const tail = String(opts.tail ?? 'all');
    const stamp = opts.timestamps === true;
    const print = (l: LogLine) => {
      // --details puts the log's attributes (none here) and a space before each line
      const line = opts.details === true ? ` ${l.text}` : l.text;
      const text = stamp ? `${rfc3339NanoFixed(l.time)} ${line}` : line;
      (l.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(text);
    };
    // moby's log reader seeks to the last --tail lines first, then skips what --since/--until leave out
    let lines = c.logs;
    if (tail !== 'all' && /^\d+$/.test(tail)) lines = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
    lines = lines.filter((l) => (since === undefined || l.time >= since) && (until === undefined || l.time <= until));
    for (const l of lines) print(l);
    // an --until already past ends the follow at once; a future one ends it then (moby's follow reader)
    if (opts.follow === true && c.state.Running && (until === undefined || until > now)) {
      const off = daemon.events.on((e) => {
        if (e.type !== 'log' || e.containerId !== c.id) return;
        const l = c.logs[c.logs.length - 1]!;
        if (until === undefined || l.time <= until) print(l);
      });
      let cancel = () => {};
      const ended = new Promise<number>((resolve) => {
        void daemon.containerService.nextExit(c.id).then(resolve);
        if (until !== undefined) cancel = daemon.clock.setTimer(until - now, () => resolve(0));
      });
      try {
        // Ctrl-C ends the follow (docker/cli's stream ends with the command's context)
        if ((await untilAborted(ctx, ended)) === ABORTED) return INTERRUPTED_STATUS;
      } finally {
        cancel();
        off();
      }
    }
    return 0;
  },
};

/**
 * docker/cli's jsonmessage.RFC3339NanoFixed: always nine fraction digits
 * (Go's RFC3339Nano would drop trailing zeros). Log times are whole
 * virtual milliseconds.
 */
function rfc3339NanoFixed(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
