// What `docker run` and `docker create` share: turning flags into the
// daemon's create options, and pulling an image that is not there yet.
import type { CliContext, Options } from '../../command.ts';
import { CliError, flagChanged, INTERRUPTED_STATUS } from '../../command.ts';
import type { InputStream } from '../../../engine/runtime/process.ts';
import { progressPrinter } from '../../progress.ts';
import { readEnv } from '../../envfile.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import type { ContainerRecord } from '../../../engine/container/container.ts';
import type { CreateOptions } from '../../../engine/container/service.ts';
import { familiarString, parseReference, withDefaultTag } from '../../../engine/image/reference.ts';
import { healthConfigFromFlags, portsFromFlags } from './opts.ts';

export function createOptions(ctx: CliContext, opts: Options, args: string[]): CreateOptions {
  const [image, ...cmd] = args;
  const o: CreateOptions = { image: image!, cmd };
  const str = (k: string) => (typeof opts[k] === 'string' && opts[k] !== '' ? (opts[k] as string) : undefined);
  if (str('name') !== undefined) o.name = str('name');
  if (typeof opts.entrypoint === 'string' && flagChanged(opts, 'entrypoint')) o.entrypoint = opts.entrypoint;
  // docker/cli parses the ports before the environment files
  const ports = portsFromFlags(opts);
  if (typeof ports === 'string') throw parseError(ctx, ports);
  Object.assign(o, ports);
  let env: string[];
  try {
    env = readEnv(ctx, (opts['env-file'] as string[] | undefined) ?? [], (opts.env as string[] | undefined) ?? []);
  } catch (e) {
    throw parseError(ctx, (e as Error).message);
  }
  // `-e VAR` takes VAR from the client's environment, or drops it
  o.env = env.flatMap((e) => (e.includes('=') ? [e] : ctx.env.has(e) ? [`${e}=${ctx.env.get(e)}`] : []));
  if (str('workdir') !== undefined) o.workingDir = str('workdir');
  if (str('hostname') !== undefined) o.hostname = str('hostname');
  if (str('user') !== undefined) o.user = str('user');
  o.tty = opts.tty === true;
  o.openStdin = opts.interactive === true;
  o.autoRemove = opts.rm === true;
  if (opts['read-only'] === true) o.readOnly = true;
  const restart = str('restart');
  if (restart !== undefined) {
    // docker/cli's ParseRestartPolicy and its --rm check run before the daemon sees anything
    const [name, count] = restart.split(/:(.*)/s);
    if (restart.includes(':') && name === '') throw parseError(ctx, 'invalid restart policy format: no policy provided before colon');
    if (count !== undefined && count !== '' && !/^[+-]?\d+$/.test(count)) {
      throw parseError(ctx, 'invalid restart policy format: maximum retry count must be an integer');
    }
  }
  // docker/cli parses the health flags between the restart policy and its --rm check
  const health = healthConfigFromFlags(opts);
  if (typeof health === 'string') throw parseError(ctx, health);
  if (health) o.healthcheck = health;
  if (restart !== undefined) {
    const name = restart.split(/:(.*)/s)[0];
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


/**
 * The command docker/cli's `withHelp` names: "run" or "create", hard-coded,
 * however the command was reached (`docker container run` too).
 */
function helpName(ctx: CliContext): 'run' | 'create' {
  const path = ctx.invocation?.path ?? 'docker run';
  return path.slice(path.lastIndexOf(' ') + 1) === 'create' ? 'create' : 'run';
}

/** docker/cli's withHelp: `docker: <error>` and the `--help` hint, as a status error. */
function withHelp(ctx: CliContext, message: string, status = 125): CliError {
  return new CliError(`docker: ${message}\n\nRun 'docker ${helpName(ctx)} --help' for more information`, status);
}

function parseError(ctx: CliContext, message: string): CliError {
  return withHelp(ctx, message);
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
    // createContainer's reference.ParseAnyReference: run reports it through
    // toStatusError (withHelp, 125), create returns it as it is (status 1)
    if (e instanceof DaemonError) throw helpName(ctx) === 'create' ? new CliError(e.message, 1) : withHelp(ctx, e.message);
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
  if (e instanceof DaemonError) throw withHelp(ctx, `Error response from daemon: ${e.message}`, e.exitCode ?? 125);
  throw e;
}

/** An input that ends (EOF) once `close` is called: the attach stream the CLI hangs up. */
export function detachableInput(input: InputStream): { stream: InputStream; close(): void } {
  let closed = false;
  let hangUp!: () => void;
  const hungUp = new Promise<null>((resolve) => (hangUp = () => resolve(null)));
  return {
    stream: { read: () => (closed ? Promise.resolve(null) : Promise.race([input.read(), hungUp])) },
    close() {
      closed = true;
      hangUp();
    },
  };
}

/** How long Berth still waits, after forwarding Ctrl-C, for the container to end (virtual ms). */
const SIG_PROXY_GRACE_MS = 1000;

/**
 * Ctrl-C during an attached `docker run` or `docker start -a`. docker/cli's
 * sig-proxy forwards SIGINT to the container (ContainerKill "INT"); a PID 1
 * without a handler ignores it, as in Docker. Berth then waits at most a
 * second for the container to end (a `trap ... INT` finishing its current
 * command), and lets go: the container runs on, detached. That is a
 * deliberate departure for `docker run`: Docker's CLI waits on (its wait does
 * not listen to the interrupt) until the container exits, and only a third
 * Ctrl-C forces it out ("got 3 SIGTERM/SIGINTs, forcefully exiting"); Berth's
 * prompt must never be stuck behind a container that ignores SIGINT.
 * (`docker start -a` does return in Docker: its attach ends with the
 * command's context.) The status is the container's if it ended, else 130.
 */
export async function interruptAttached(daemon: Daemon, id: string, exited: Promise<number>, proxy: boolean): Promise<number> {
  if (!proxy) return INTERRUPTED_STATUS;
  try {
    await daemon.containerService.kill(id, 'SIGINT');
  } catch (e) {
    // docker/cli only logs a failed forward (logrus.Debugf)
    if (!(e instanceof DaemonError)) throw e;
  }
  let cancel = () => {};
  const grace = new Promise<typeof INTERRUPTED_STATUS>((resolve) => {
    cancel = daemon.clock.setTimer(SIG_PROXY_GRACE_MS, () => resolve(INTERRUPTED_STATUS));
  });
  try {
    return await Promise.race([exited, grace]);
  } finally {
    cancel();
  }
}
