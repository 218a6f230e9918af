// `docker import`: Import the contents from a tarball to create a filesystem image (docker/cli cli/command/image/import.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { importImage } from '../../../engine/image/archive/import.ts';
import { readStdin } from '../../../engine/image/archive/streams.ts';
import { parseReference } from '../../../engine/image/reference.ts';
import { cleanPath } from '../../../engine/container/archive.ts';
import { applyChanges } from './changes.ts';
import { openError } from '../container/export.ts';

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const [source, ref] = args as [string, string | undefined];
  if (args.length > 2) throw new CliError(`"docker import" requires at most 2 arguments.`, 1);
  let data: Uint8Array;
  if (source === '-') data = await readStdin(ctx.stdin, (m) => new CliError(`berth: ${m} (give the file instead of -)`, 1));
  else if (/^https?:\/\//.test(source)) {
    throw new CliError(`Error response from daemon: Get "${source}": dial tcp: lookup ${source.replace(/^https?:\/\//, "").split(/[/:]/)[0]}: no such host`, 1);
  } else {
    if (!ctx.host) throw new CliError('docker import needs the client machine', 1);
    try {
      data = ctx.host.fs.readFile(cleanPath(source, ctx.host.cwd));
    } catch (e) {
      throw openError('open', source, e);
    }
  }
  // the API client checks the reference before sending anything
  if (ref !== undefined && ref !== '') {
    try {
      parseReference(ref);
    } catch (e) {
      if (e instanceof DaemonError) throw new CliError(e.message, 1);
      throw e;
    }
  }
  const daemon = ctx.daemon;
  // the daemon: BuildFromConfig over an empty config, then the layer
  const config = applyChanges({}, (opts.change as string[] | undefined) ?? []);
  const id = await importImage(daemon, daemon.imageService, data, {
    ref: ref || undefined,
    message: (opts.message as string) || undefined,
    config,
    source: '-',
  });
  ctx.stdout.write(id + '\n');
  return 0;
};

export const importCommand: Command = {
  spec: {
    use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
    aliasesText: 'docker image import, docker import',
    short: 'Import the contents from a tarball to create a filesystem image',
    args: minArgs(1),
    flags: [
      { name: 'change', shorthand: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
      { name: 'message', shorthand: 'm', type: 'string', usage: 'Set commit message for imported image' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' } },
    ],
  },
  run: run as RunFn,
};
