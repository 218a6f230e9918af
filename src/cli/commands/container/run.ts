// `docker run`: Create and run a new container from an image (docker/cli cli/command/container/run.go).
import type { Command } from '../../command.ts';
import { ABORTED, CliError, minArgs, untilAborted, rawTerminal } from '../../command.ts';
import { containerFlags } from './opts.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { createOptions, createWithPull, interruptAttached, runFailure } from './runner.ts';
import { attachStdin, type StdinAttachment, stdinOf } from '../../../engine/container/attach.ts';

const DETACHED: unique symbol = Symbol('detached');

export const runCommand: Command = {
  spec: {
    use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    aliasesText: 'docker container run, docker run',
    short: 'Create and run a new container from an image',
    args: minArgs(1),
    interspersed: false,
    categoryTop: 1,
    flags: [
      { name: 'detach', shorthand: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image verification' },
      { name: 'help', type: 'bool', usage: 'Print usage' },
      { name: 'name', type: 'string', usage: 'Assign a name to the container' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' } },
      { name: 'pull', type: 'string', default: 'missing', usage: 'Pull image before running ("always", "missing", "never")' },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the pull output' },
      { name: 'sig-proxy', type: 'bool', default: true, usage: 'Proxy received signals to the process' },
      { name: 'use-api-socket', type: 'bool', usage: 'Bind mount Docker API socket and required auth' },
      ...containerFlags,
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const o = createOptions(ctx, opts, args);
    const detach = opts.detach === true;
    if (detach && o.autoRemove === undefined) o.autoRemove = false;
    // docker/cli checks the terminal before it creates anything (In().CheckTty)
    if (!detach && opts.interactive === true && opts.tty === true && !ctx.tty) throw new CliError('the input device is not a TTY', 1);
    let c;
    try {
      c = await createWithPull(ctx, daemon, o, String(opts.pull ?? 'missing'), opts.quiet === true);
    } catch (e) {
      return runFailure(ctx, e);
    }
    if (detach) {
      // docker/cli prints the ID as soon as the container exists, before starting it
      ctx.stdout.write(c.id + '\n');
      try {
        await daemon.containerService.start(c.id);
      } catch (e) {
        return runFailure(ctx, e);
      }
      return 0;
    }
    const detachOut = daemon.containerService.attach(c.id, { stdout: ctx.stdout, stderr: ctx.stderr });
    let input: StdinAttachment | undefined;
    let unraw = () => {};
    try {
      const exited = daemon.containerService.nextExit(c.id);
      try {
        await daemon.containerService.start(c.id);
      } catch (e) {
        if (o.autoRemove) await daemon.containerService.remove(c.id, true).catch(() => {});
        return runFailure(ctx, e);
      }
      // -i: the client's input goes to the container until it ends (StdinOnce) or Ctrl-P Ctrl-Q detaches
      const keys = typeof opts['detach-keys'] === 'string' ? opts['detach-keys'] : '';
      if (opts.interactive === true) input = attachStdin(c, ctx.stdin, { once: true, detachKeys: keys });
      // -it: the terminal is raw; Ctrl-C is a byte for the container's terminal
      if (input && c.config.Tty) unraw = rawTerminal(ctx, () => stdinOf(c!).write('\x03'));
      const detached = input ? input.detached.then((): typeof DETACHED => DETACHED) : new Promise<never>(() => {});
      const status = await untilAborted(ctx, Promise.race([exited, detached]));
      // docker/cli's run returns nil on the escape error: the container runs on, silently
      if (status === DETACHED) return 0;
      if (status !== ABORTED) return status;
      // docker/cli turns the signal proxy off in TTY mode
      return await interruptAttached(daemon, c.id, exited, opts['sig-proxy'] !== false && c.config.Tty !== true);
    } finally {
      unraw();
      detachOut();
      input?.stop();
    }
  },
};
