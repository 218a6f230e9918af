// `docker image prune`: Remove unused images (docker/cli cli/command/image/prune.go).
import type { CliContext, Command, RunFn } from '../../command.ts';
import { noArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { humanSizeWithPrecision } from '../../format/index.ts';
import { filterArgs, validateFilters } from './summaries.ts';

const allImageWarning = `WARNING! This will remove all images without at least one container associated to them.
Are you sure you want to continue?`;
const danglingWarning = `WARNING! This will remove all dangling images.
Are you sure you want to continue?`;

/**
 * docker/cli's prompt.Confirm: the question and " [y/N] ", then one line of
 * input; only y or Y confirms. End of input (no terminal, empty stdin)
 * answers no, and nothing more is printed.
 */
export async function confirm(ctx: CliContext, message: string): Promise<boolean> {
  ctx.stdout.write(`${message} [y/N] `);
  let line = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) {
      // bufio.Scanner: a last line without a newline still counts; nothing at all is "no"
      if (line === '') return false;
      break;
    }
    line += chunk;
    const nl = line.indexOf('\n');
    if (nl >= 0) {
      line = line.slice(0, nl);
      break;
    }
  }
  return line.trim().toLowerCase() === 'y';
}

const run: RunFn<Daemon> = async (ctx, opts) => {
  const daemon = ctx.daemon;
  const all = opts.all === true;
  const filters = filterArgs((opts.filter as string[] | undefined) ?? []);
  if (opts.force !== true && !(await confirm(ctx, all ? allImageWarning : danglingWarning))) {
    // cancelledErr: docker exits 0 and prints nothing more
    return 0;
  }
  validateFilters(filters, ['dangling', 'label', 'label!', 'until']);
  const report = daemon.imageService.prune(all);
  let output = '';
  if (report.records.length > 0) {
    output = 'Deleted Images:\n';
    for (const r of report.records) output += 'Untagged' in r ? `untagged: ${r.Untagged}\n` : `deleted: ${r.Deleted}\n`;
  }
  if (output !== '') ctx.stdout.write(output + '\n');
  const space = report.records.length > 0 ? report.spaceReclaimed : 0;
  ctx.stdout.write(`Total reclaimed space: ${humanSizeWithPrecision(space, 4)}\n`);
  return 0;
};

export const imagePruneCommand: Command = {
  spec: {
    use: 'prune [OPTIONS]',
    short: 'Remove unused images',
    args: noArgs,
    annotations: { version: '1.25' },
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ],
  },
  run: run as RunFn,
};
