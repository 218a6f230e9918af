// `docker save`: Save one or more images to a tar archive (streamed to STDOUT by default) (docker/cli cli/command/image/save.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { saveArchive } from '../../../engine/image/archive/save.ts';
import { writeBinary } from '../../../engine/image/archive/streams.ts';
import { concatBytes } from '../../../engine/layer/bytes.ts';
import { validateOutputPath, writeHostFile } from '../container/export.ts';

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const output = (opts.output as string) ?? '';
  if (output === '' && (ctx.stdout.terminal ?? ctx.tty)) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
  if (output !== '') validateOutputPath(ctx, output, 'failed to save image');
  const chunks = [...(await saveArchive(ctx.daemon, args))];
  if (output !== '') writeHostFile(ctx, output, concatBytes(chunks));
  else writeBinary(ctx.stdout, chunks);
  return 0;
};

export const saveCommand: Command = {
  spec: {
    use: 'save [OPTIONS] IMAGE [IMAGE...]',
    aliasesText: 'docker image save, docker save',
    short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    args: minArgs(1),
    flags: [
      { name: 'output', shorthand: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
      { name: 'platform', type: 'string', usage: 'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', annotations: { version: '1.48' } },
    ],
  },
  run: run as RunFn,
};
