// `docker container prune`: Remove all stopped containers (docker/cli cli/command/container/prune.go).
import type { Command } from '../../command.ts';
import { noArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { humanSize } from '../../format/index.ts';
import { confirm } from '../../prompt.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { filterArgs, matchLabels, timestampMs, validateFilters, type FilterArgs } from '../image/summaries.ts';

export const containerPruneCommand: Command = {
  spec: {
    use: 'prune [OPTIONS]',
    short: 'Remove all stopped containers',
    args: noArgs,
    annotations: { version: '1.25' },
    flags: [
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ],
  },
  run: async (ctx, opts) => {
    const daemon = ctx.daemon as Daemon;
    const filters = filterArgs((opts.filter as string[] | undefined) ?? []);
    if (opts.force !== true && !(await confirm(ctx, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?'))) {
      // cancelledErr: docker exits 0 and prints nothing more
      return 0;
    }
    const r = await pruneContainers(daemon, filters);
    if (r.deleted.length > 0) ctx.stdout.write(`Deleted Containers:\n${r.deleted.map((id) => id + '\n').join('')}\n`);
    ctx.stdout.write(`Total reclaimed space: ${humanSize(r.deleted.length > 0 ? r.spaceReclaimed : 0)}\n`);
    return 0;
  },
};

/**
 * moby's ContainersPrune with its filters (`until`, `label`, `label!`; any
 * other is refused). Berth's ContainerService.prune takes no filters, so
 * with some the CLI selects the stopped containers the same way and
 * removes them one by one, newest first.
 */
export async function pruneContainers(daemon: Daemon, filters: FilterArgs): Promise<{ deleted: string[]; spaceReclaimed: number }> {
  validateFilters(filters, ['label', 'label!', 'until']);
  const untilValues = filters.get('until') ?? [];
  if (untilValues.length > 1) throw new DaemonError('invalid-parameter', 'more than one until filter specified');
  const until = untilValues.length === 1 ? timestampMs(untilValues[0]!, daemon.now()) : undefined;
  if (filters.size === 0) return daemon.containerService.prune();
  const deleted: string[] = [];
  let spaceReclaimed = 0;
  for (const c of daemon.listContainers()) {
    if (c.state === 'running' || c.state === 'paused' || c.state === 'restarting') continue;
    if (until !== undefined && c.created > until) continue;
    if (!matchLabels(filters, 'label', c.labels)) continue;
    // MatchKVList passes when the key is absent, hence the explicit check
    if (filters.has('label!') && matchLabels(filters, 'label!', c.labels)) continue;
    try {
      await daemon.containerService.remove(c.id);
    } catch (e) {
      // moby logs "failed to prune container" and goes on
      if (e instanceof DaemonError) continue;
      throw e;
    }
    spaceReclaimed += c.sizeRw;
    deleted.push(c.id);
  }
  return { deleted, spaceReclaimed };
}
