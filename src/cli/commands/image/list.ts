// `docker images`: List images (docker/cli cli/command/image/list.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, maxArgs, withUse } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { ago, formatGoTime, humanSize, humanSizeWithPrecision } from '../../format/index.ts';
import { formatterRow, writeFormatted } from './formatter.ts';
import { truncateId } from '../../format/ellipsis.ts';
import { filterArgs, imageSummaries, type ImageSummary } from './summaries.ts';
import { familiarName, parseNormalizedNamed } from './reference.ts';

const defaultTable =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const defaultTableWithDigest =
  'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

const imageHeaders: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

/** formatter.NewImageFormat. */
function imageFormat(source: string, quiet: boolean, digest: boolean): string {
  if (source === 'table') {
    if (quiet) return '{{.ID}}';
    return digest ? defaultTableWithDigest : defaultTable;
  }
  if (source === 'raw') {
    if (quiet) return 'image_id: {{.ID}}';
    return digest
      ? 'repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n'
      : 'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
  }
  if (source.startsWith('table') && digest && !source.includes('{{.Digest}}')) return source + '\t{{.Digest}}';
  return source;
}

interface Row {
  repo: string;
  tag: string;
  digest: string;
}

/** formatter.imageFormat / imageFormatTaggedAndDigest: one row per repository tag. */
function rowsOf(img: ImageSummary, needDigest: boolean, showDigests: boolean): Row[] {
  if (img.repoTags.length === 0 && img.repoDigests.length === 0) return [{ repo: '<none>', tag: '<none>', digest: '<none>' }];
  // Go ranges over maps here (random order); Berth keeps the daemon's (sorted) order.
  const repoTags = new Map<string, string[]>();
  const repoDigests = new Map<string, string[]>();
  for (const s of img.repoTags) {
    let ref;
    try {
      ref = parseNormalizedNamed(s);
    } catch {
      continue;
    }
    if (ref.tag === undefined) continue;
    const name = familiarName(ref);
    repoTags.set(name, [...(repoTags.get(name) ?? []), ref.tag]);
  }
  for (const s of img.repoDigests) {
    let ref;
    try {
      ref = parseNormalizedNamed(s);
    } catch {
      continue;
    }
    if (ref.digest === undefined) continue;
    const name = familiarName(ref);
    repoDigests.set(name, [...(repoDigests.get(name) ?? []), ref.digest]);
  }
  const rows: Row[] = [];
  for (const [repo, tags] of repoTags) {
    let digests = repoDigests.get(repo) ?? [];
    repoDigests.delete(repo);
    if (!needDigest) digests = [];
    for (const tag of tags) {
      if (digests.length === 0) {
        rows.push({ repo, tag, digest: '<none>' });
        continue;
      }
      for (const d of digests) rows.push({ repo, tag, digest: d });
    }
  }
  for (const [repo, digests] of repoDigests) {
    if (showDigests) for (const d of digests) rows.push({ repo, tag: '<none>', digest: d });
    else rows.push({ repo, tag: '<none>', digest: '' });
  }
  return rows;
}

/** formatter.imageContext: what each field of a row prints. */
function imageContext(img: ImageSummary, r: Row, trunc: boolean, now: number): object {
  const createdMs = img.created * 1000;
  return formatterRow(
    {
      Containers: 'N/A',
      CreatedAt: formatGoTime(createdMs),
      CreatedSince: ago(now - createdMs),
      Digest: r.digest,
      ID: trunc ? truncateId(img.id) : img.id,
      Repository: r.repo,
      SharedSize: 'N/A',
      Size: humanSize(img.size),
      Tag: r.tag,
      UniqueSize: 'N/A',
      VirtualSize: humanSizeWithPrecision(img.size, 4),
    },
    '*formatter.imageContext',
  );
}

const subcommandWords = ['build', 'history', 'import', 'inspect', 'list', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag'];

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  const matchName = args[0] ?? '';
  const quiet = opts.quiet === true;
  const noTrunc = opts['no-trunc'] === true;
  const showDigests = opts.digests === true;
  let format = String(opts.format ?? '');
  if (opts.tree === true) {
    if (quiet) throw new CliError('--quiet is not yet supported with --tree', 1);
    if (noTrunc) throw new CliError('--no-trunc is not yet supported with --tree', 1);
    if (showDigests) throw new CliError('--show-digest is not yet supported with --tree', 1);
    if (format !== '') throw new CliError('--format is not yet supported with --tree', 1);
  }
  const filters = filterArgs((opts.filter as string[] | undefined) ?? []);
  if (matchName !== '') filters.set('reference', [...(filters.get('reference') ?? []), matchName]);
  const images = imageSummaries(daemon, { all: opts.all === true, filters });

  if (format === '') format = 'table';
  const fmt = imageFormat(format, quiet, showDigests);
  const needDigest = showDigests || fmt.includes('{{.Digest}}');
  const now = daemon.now();
  const rows = images.flatMap((img) => rowsOf(img, needDigest, showDigests).map((r) => imageContext(img, r, !noTrunc, now)));
  ctx.stdout.write(writeFormatted(fmt, rows, imageHeaders));
  if (matchName !== '' && images.length === 0 && ctx.invocation?.calledAs === 'images' && subcommandWords.includes(matchName)) {
    ctx.stderr.write(`\nNo images found matching "${matchName}": did you mean "docker image ${matchName}"?\n`);
  }
  return 0;
};

export const imagesCommand: Command = {
  spec: {
    use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
    aliasesText: 'docker image ls, docker image list, docker images',
    short: 'List images',
    args: maxArgs(1),
    categoryTop: 7,
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
      { name: 'digests', type: 'bool', usage: 'Show digests' },
      { name: 'filter', shorthand: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
      { name: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)', annotations: { version: '1.47' } },
    ],
  },
  run: run as RunFn,
};

/** `docker image ls` (also `list`): the same command under another name. */
export const imageLsCommand: Command = withUse(imagesCommand, 'ls [OPTIONS] [REPOSITORY[:TAG]]', ['list']);
