// What `docker run` and `docker create` share: turning flags into the
// daemon's create options, and pulling an image that is not there yet.
import type { CliContext, Options } from '../../command.ts';
import { CliError, flagChanged } from '../../command.ts';
import { progressPrinter } from '../../progress.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import type { ContainerRecord } from '../../../engine/container/container.ts';
import type { CreateOptions } from '../../../engine/container/service.ts';
import { familiarString, parseReference, withDefaultTag } from '../../../engine/image/reference.ts';

export function createOptions(ctx: CliContext, opts: Options, args: string[]): CreateOptions {
  const [image, ...cmd] = args;
  const o: CreateOptions = { image: image!, cmd };
  const str = (k: string) => (typeof opts[k] === 'string' && opts[k] !== '' ? (opts[k] as string) : undefined);
  if (str('name') !== undefined) o.name = str('name');
  if (typeof opts.entrypoint === 'string' && flagChanged(opts, 'entrypoint')) o.entrypoint = opts.entrypoint;
  const env = (opts.env as string[] | undefined) ?? [];
  // `-e VAR` takes VAR from the client's environment, or drops it
  o.env = env.flatMap((e) => (e.includes('=') ? [e] : ctx.env.has(e) ? [`${e}=${ctx.env.get(e)}`] : []));
  if (str('workdir') !== undefined) o.workingDir = str('workdir');
  if (str('hostname') !== undefined) o.hostname = str('hostname');
  if (str('user') !== undefined) o.user = str('user');
  o.tty = opts.tty === true;
  o.openStdin = opts.interactive === true;
  o.autoRemove = opts.rm === true;
  const restart = str('restart');
  if (restart !== undefined) {
    // docker/cli's ParseRestartPolicy and its --rm check run before the daemon sees anything
    const [name, count] = restart.split(/:(.*)/s);
    if (restart.includes(':') && name === '') throw parseError(ctx, 'invalid restart policy format: no policy provided before colon');
    if (count !== undefined && count !== '' && !/^[+-]?\d+$/.test(count)) {
      throw parseError(ctx, 'invalid restart policy format: maximum retry count must be an integer');
    }
    if (opts.rm === true && name !== 'no') throw parseError(ctx, 'conflicting options: cannot specify both --restart and --rm');
    o.restart = restart;
  }
  if (str('stop-signal') !== undefined) o.stopSignal = str('stop-signal');
  if (flagChanged(opts, 'stop-timeout') && typeof opts['stop-timeout'] === 'number') o.stopTimeout = opts['stop-timeout'];
  const labels = (opts.label as string[] | undefined) ?? [];
  if (labels.length > 0) {
    o.labels = Object.fromEntries(labels.map((l) => (l.includes('=') ? [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] : [l, ''])));
  }
  return o;
}


function parseError(ctx: CliContext, message: string): CliError {
  return new CliError(`docker: ${message}\n\nRun '${ctx.invocation?.path ?? 'docker run'} --help' for more information`, 125);
}


/**
 * Creates a container, pulling the image first when it is missing, as the
 * CLI does: "Unable to find image ... locally" and the pull's progress go to
 * stderr. Errors come back as the daemon's.
 */
export async function createWithPull(ctx: CliContext, daemon: Daemon, o: CreateOptions, pull: string, quiet: boolean): Promise<ContainerRecord> {
  let ref;
  try {
    ref = withDefaultTag(parseReference(o.image));
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(`docker: ${e.message}\n\nRun '${ctx.invocation?.path ?? 'docker run'} --help' for more information`, 125);
    throw e;
  }
  const doPull = async () => {
    await daemon.imageService.pull(o.image, quiet ? () => {} : progressPrinter(ctx.stderr, ctx.tty));
  };
  if (pull === 'always') await doPull();
  try {
    return await daemon.containerService.create(o);
  } catch (e) {
    if (!(e instanceof DaemonError) || e.kind !== 'not-found' || !e.message.startsWith('No such image') || pull === 'never') throw e;
  }
  ctx.stderr.write(`Unable to find image '${familiarString(ref)}' locally\n`);
  await doPull();
  return daemon.containerService.create(o);
}

/** docker/cli's run/create failure: `docker: <error>` and the help hint, exit 125 unless the daemon says otherwise. */
export function runFailure(ctx: CliContext, e: unknown): never {
  if (e instanceof DaemonError) {
    throw new CliError(
      `docker: Error response from daemon: ${e.message}\n\nRun '${ctx.invocation?.path ?? 'docker run'} --help' for more information`,
      e.exitCode ?? 125,
    );
  }
  throw e;
}
