// `docker search`: Search Docker Hub for images (docker/cli v28.2.2
// cli/command/registry/search.go and formatter_search.go). The daemon asks
// the registry and applies the filters; the client prints the table:
// NAME, DESCRIPTION (cut at 45 columns), STARS, OFFICIAL. AUTOMATED left the
// default table in 25.0 and `.IsAutomated` the template in 28.2; `-s/--stars`
// went in 20.10 (cobra's `unknown shorthand flag: 's' in -s`).
import type { Command, RunFn } from '../../command.ts';
import { exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import type { SearchResult } from '../../../engine/registry/search.ts';
import { GO_TYPE } from '../../format/index.ts';
import { ellipsis } from '../../format/ellipsis.ts';
import { MARSHAL, writeFormatted } from '../image/formatter.ts';
import { filterArgs } from '../image/summaries.ts';

const defaultTable = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';

const searchHeaders: Record<string, string> = {
  Name: 'NAME',
  Description: 'DESCRIPTION',
  StarCount: 'STARS',
  IsOfficial: 'OFFICIAL',
};

/** searchContext: the row's fields as the template sees them; `json` (MarshalJSON) prints the booleans as "true"/"false". */
function searchRow(r: SearchResult, trunc: boolean): object {
  let description = r.description.replace(/[\n\r]/g, ' ');
  if (trunc) description = ellipsis(description, 45);
  const row = { Name: r.name, Description: description, StarCount: String(r.starCount), IsOfficial: r.isOfficial ? '[OK]' : '' };
  Object.defineProperty(row, GO_TYPE, { value: '*registry.searchContext', enumerable: false });
  Object.defineProperty(row, MARSHAL, {
    value: () => ({ Description: description, IsOfficial: String(r.isOfficial), Name: r.name, StarCount: String(r.starCount) }),
    enumerable: false,
  });
  return row;
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const term = args[0]!;
  const filters = filterArgs((opts.filter as string[] | undefined) ?? []);
  if (filters.has('is-automated')) {
    ctx.stderr.write('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n');
  }
  const limit = Number(opts.limit ?? 0);
  // the client sends a limit only when it is positive: 0 and below ask for the default 25
  const results = await ctx.daemon.search(term, { limit: limit > 0 ? limit : 0, filters });
  const format = String(opts.format ?? '');
  const fmt = format === '' || format === 'table' ? defaultTable : format;
  ctx.stdout.write(writeFormatted(fmt, results.map((r) => searchRow(r, opts['no-trunc'] !== true)), searchHeaders));
  return 0;
};

export const searchCommand: Command = {
  spec: {
    use: 'search [OPTIONS] TERM',
    short: 'Search Docker Hub for images',
    args: exactArgs(1),
    categoryTop: 10,
    flags: [
      { name: 'filter', shorthand: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
      { name: 'limit', type: 'int', usage: 'Max number of search results' },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
    ],
  },
  run: run as RunFn,
};
