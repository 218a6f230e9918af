// `docker export`: Export a container's filesystem as a tar archive (docker/cli cli/command/container/export.go).
import type { CliContext, Command, RunFn } from '../../command.ts';
import { CliError, exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { exportContainer } from '../../../engine/image/archive/export.ts';
import { writeBinary } from '../../../engine/image/archive/streams.ts';
import { concatBytes } from '../../../engine/layer/bytes.ts';
import { FsError } from '../../../engine/fs/types.ts';
import { cleanPath } from '../../../engine/container/archive.ts';

const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
};

/** Go's *PathError text for a failed open of a client-side file. */
export function openError(op: string, path: string, e: unknown): CliError {
  if (e instanceof FsError) return new CliError(`${op} ${path}: ${GO_ERRNO[e.code] ?? e.description.toLowerCase()}`, 1);
  throw e;
}

function hostOf(ctx: CliContext) {
  if (!ctx.host) throw new CliError('this command needs the client machine', 1);
  return ctx.host;
}

/** docker/cli command.ValidateOutputPath, wrapped as the command wraps it. */
export function validateOutputPath(ctx: CliContext, output: string, wrap: string): void {
  const host = hostOf(ctx);
  const abs = cleanPath(output, host.cwd).replace(/\/+$/, '') || '/';
  const rel = output.replace(/\/+$/, '');
  const slash = rel.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : rel.slice(0, slash);
  if (dir !== '.') {
    const dirAbs = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (!host.fs.exists(dirAbs)) throw new CliError(`${wrap}: invalid output path: stat ${dir}: no such file or directory`, 1);
  }
}

/** docker/cli CopyToFile: a temporary file beside the target (mode 0600), renamed over it. */
export function writeHostFile(ctx: CliContext, output: string, data: Uint8Array): void {
  const host = hostOf(ctx);
  const abs = cleanPath(output, host.cwd);
  try {
    if (host.fs.exists(abs) && host.fs.stat(abs).type === 'dir') throw new FsError('EISDIR', abs);
    host.fs.writeFile(abs, data, { mode: 0o600 });
  } catch (e) {
    throw openError('open', output, e);
  }
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const output = (opts.output as string) ?? '';
  if (output === '' && (ctx.stdout.terminal ?? ctx.tty)) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
  if (output !== '') validateOutputPath(ctx, output, 'failed to export container');
  const chunks = exportContainer(ctx.daemon, args[0]!);
  if (output !== '') writeHostFile(ctx, output, concatBytes([...chunks]));
  else writeBinary(ctx.stdout, chunks);
  return 0;
};

export const exportCommand: Command = {
  spec: {
    use: 'export [OPTIONS] CONTAINER',
    aliasesText: 'docker container export, docker export',
    short: `Export a container's filesystem as a tar archive`,
    args: exactArgs(1),
    flags: [
      { name: 'output', shorthand: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
    ],
  },
  run: run as RunFn,
};
