// `docker exec`: Execute a command in a running container (docker/cli cli/command/container/exec.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, minArgs, rawTerminal } from '../../command.ts';
import { readEnv } from '../../envfile.ts';
import { validateEnv } from '../opts.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  const [ref, ...cmd] = args as [string, ...string[]];
  const detach = opts.detach === true;
  const interactive = opts.interactive === true;
  const tty = opts.tty === true;
  // the CLI inspects the container first, so that "No such container" takes precedence
  daemon.container(ref);
  if (!detach && interactive && tty && !ctx.tty) throw new CliError('the input device is not a TTY', 1);
  const str = (k: string) => (typeof opts[k] === 'string' && opts[k] !== '' ? (opts[k] as string) : undefined);
  let env: string[];
  try {
    env = readEnv(ctx, (opts['env-file'] as string[] | undefined) ?? [], (opts.env as string[] | undefined) ?? []);
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
  const exec = daemon.containerService.execCreate(ref, {
    cmd,
    env,
    workingDir: str('workdir'),
    user: str('user'),
    tty,
    privileged: opts.privileged === true,
  });
  if (detach) {
    // a detached start reports its failure as an API error
    daemon.containerService.execStart(exec.id);
    return 0;
  }
  let started;
  try {
    started = daemon.containerService.execStart(exec.id, {
      stdin: interactive ? ctx.stdin : undefined,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    // the daemon writes the failure into the attached stream, ended as a terminal line; the status is the exec's
    ctx.stdout.write(`${e.message}\r\n`);
    return e.exitCode ?? 126;
  }
  // -it: Ctrl-C is a byte for the exec's terminal, which interrupts its processes
  const unraw = interactive && tty ? rawTerminal(ctx, () => daemon.containerService.ttyInterrupt(ref, started.pid)) : () => {};
  try {
    return await started.exited;
  } finally {
    unraw();
  }
};

export const execCommand: Command = {
  spec: {
    use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    aliasesText: 'docker container exec, docker exec',
    short: 'Execute a command in a running container',
    args: minArgs(2),
    interspersed: false,
    categoryTop: 2,
    flags: [
      { name: 'detach', shorthand: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'env', shorthand: 'e', type: 'list', usage: 'Set environment variables', annotations: { version: '1.25' }, validate: validateEnv },
      { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables', annotations: { version: '1.25' } },
      { name: 'interactive', shorthand: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
      { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
      { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
      { name: 'user', shorthand: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
      { name: 'workdir', shorthand: 'w', type: 'string', usage: 'Working directory inside the container', annotations: { version: '1.35' } },
    ],
  },
  run: run as RunFn,
};
