// `docker history`: Show the history of an image (docker/cli cli/command/image/history.go).
import type { Command, RunFn } from '../../command.ts';
import { exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { ago, formatRFC3339, humanSize } from '../../format/index.ts';
import { formatterRow, writeFormatted } from './formatter.ts';
import { ellipsis, truncateId } from '../../format/ellipsis.ts';

const defaultTable = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const nonHumanTable = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

const headers: Record<string, string> = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** NewHistoryFormat. */
function historyFormat(source: string, quiet: boolean, human: boolean): string {
  if (source !== 'table') return source;
  if (quiet) return '{{.ID}}';
  return human ? defaultTable : nonHumanTable;
}

// Created dates up to 2000-01-01 show as N/A (docker's "epoch").
const EPOCH_SECONDS = Date.UTC(2000, 0, 1) / 1000;

interface HistoryItem {
  id: string;
  /** Unix seconds. */
  created: number;
  createdBy: string;
  size: number;
  comment: string;
}

/** historyContext: the fields of one row. */
function historyContext(h: HistoryItem, trunc: boolean, human: boolean, now: number): object {
  const createdAt = formatRFC3339(h.created * 1000);
  const createdBy = h.createdBy.replaceAll('\t', ' ');
  let since = createdAt;
  if (human) since = h.created <= EPOCH_SECONDS ? 'N/A' : ago(now - h.created * 1000);
  return formatterRow(
    {
      Comment: h.comment,
      CreatedAt: createdAt,
      CreatedBy: trunc ? ellipsis(createdBy, 45) : createdBy,
      CreatedSince: since,
      ID: trunc ? truncateId(h.id) : h.id,
      Size: human ? humanSize(h.size) : String(h.size),
    },
    '*image.historyContext',
  );
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  const human = opts.human !== false;
  const items: HistoryItem[] = daemon.imageService.history(args[0]!).map((h) => {
    const t = Date.parse(h.created);
    return {
      id: h.id,
      created: Number.isNaN(t) ? 0 : Math.floor(t / 1000),
      createdBy: h.createdBy,
      size: h.size,
      comment: h.comment,
    };
  });
  const format = historyFormat(String(opts.format ?? '') || 'table', opts.quiet === true, human);
  const now = daemon.now();
  const rows = items.map((h) => historyContext(h, opts['no-trunc'] !== true, human, now));
  ctx.stdout.write(writeFormatted(format, rows, headers));
  return 0;
};

export const historyCommand: Command = {
  spec: {
    use: 'history [OPTIONS] IMAGE',
    aliasesText: 'docker image history, docker history',
    short: 'Show the history of an image',
    args: exactArgs(1),
    flags: [
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'human', shorthand: 'H', type: 'bool', default: true, usage: 'Print sizes and dates in human readable format' },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
      { name: 'platform', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
    ],
  },
  run: run as RunFn,
};
