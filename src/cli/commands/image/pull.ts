// `docker pull`: Download an image from a registry (docker/cli cli/command/image/pull.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { progressPrinter } from '../../progress.ts';
import {
  ReferenceError,
  familiarName,
  isNameOnly,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  type NamedRef,
} from './reference.ts';

/** reference.ParseNormalizedNamed with its error as the CLI prints it (no "Error response from daemon"). */
export function parseOrFail(text: string): NamedRef {
  try {
    return parseNormalizedNamed(text);
  } catch (e) {
    if (e instanceof ReferenceError) throw new CliError(e.message, 1);
    throw e;
  }
}

/**
 * POST /images/create with fromImage=name and no tag (pull -a): every tag of
 * the repository, each with its own progress, and one status line at the end
 * (moby distribution.puller.pullRepository).
 */
async function pullAllTags(daemon: Daemon, ref: NamedRef, progress: (l: string) => void): Promise<void> {
  const tags = await daemon.opts.registry.tags(ref);
  let downloaded = false;
  for (const tag of tags) {
    const r = await daemon.imageService.pull(referenceString({ ...ref, tag }), (l) => {
      if (!l.startsWith('Status: ')) progress(l);
    });
    downloaded = downloaded || !r.upToDate;
  }
  const name = familiarName(ref);
  progress(downloaded ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}`);
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  const quiet = opts.quiet === true;
  const all = opts['all-tags'] === true;
  let ref = parseOrFail(args[0]!);
  if (all && !isNameOnly(ref)) throw new CliError(`tag can't be used with --all-tags/-a`, 1);
  if (!all && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!quiet) ctx.stdout.write(`Using default tag: ${ref.tag}\n`);
  }
  const progress = quiet ? () => {} : progressPrinter(ctx.stdout, ctx.tty);
  if (all) await pullAllTags(daemon, ref, progress);
  else await daemon.imageService.pull(referenceString(ref), progress);
  ctx.stdout.write(referenceString(ref) + '\n');
  return 0;
};

export const pullCommand: Command = {
  spec: {
    use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
    aliasesText: 'docker image pull, docker pull',
    short: 'Download an image from a registry',
    args: exactArgs(1),
    categoryTop: 5,
    flags: [
      { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
      { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image verification' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
    ],
  },
  run: run as RunFn,
};
