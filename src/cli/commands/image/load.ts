// `docker load`: Load an image from a tar archive or STDIN (docker/cli cli/command/image/load.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, noArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { commitLoad, prepareLoad } from '../../../engine/image/archive/load.ts';
import { readStdin } from '../../../engine/image/archive/streams.ts';
import { cleanPath } from '../../../engine/container/archive.ts';
import { openError } from '../container/export.ts';

const run: RunFn<Daemon> = async (ctx, opts) => {
  const input = (opts.input as string) ?? '';
  let data: Uint8Array;
  if (input !== '') {
    if (!ctx.host) throw new CliError('docker load -i needs the client machine', 1);
    try {
      // the client machine has no device files: /dev/null reads as nothing
      data = input === '/dev/null' ? new Uint8Array(0) : ctx.host.fs.readFile(cleanPath(input, ctx.host.cwd));
    } catch (e) {
      throw openError('open', input, e);
    }
  } else {
    if (ctx.stdin.terminal ?? ctx.tty) throw new CliError('requested load from stdin, but stdin is empty', 1);
    data = await readStdin(ctx.stdin, (m) => new CliError(`berth: ${m} (use -i FILE)`, 1));
  }
  const daemon = ctx.daemon;
  let lines: string[];
  try {
    lines = await commitLoad(daemon, daemon.imageService, await prepareLoad(daemon, data));
  } catch (e) {
    // the daemon's error arrives inside the JSON message stream: printed as is
    if (e instanceof DaemonError) throw new CliError(e.message, 1);
    throw e;
  }
  for (const l of lines) ctx.stdout.write(l + '\n');
  return 0;
};

export const loadCommand: Command = {
  spec: {
    use: 'load [OPTIONS]',
    aliasesText: 'docker image load, docker load',
    short: 'Load an image from a tar archive or STDIN',
    args: noArgs,
    flags: [
      { name: 'input', shorthand: 'i', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
      { name: 'platform', type: 'string', usage: 'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the load output' },
    ],
  },
  run: run as RunFn,
};
