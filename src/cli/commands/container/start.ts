// `docker start`: Start one or more stopped containers (docker/cli cli/command/container/start.go).
import type { Command } from '../../command.ts';
import { ABORTED, minArgs, untilAborted, rawTerminal } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { interruptAttached } from './runner.ts';
import { attachStdin, type StdinAttachment, stdinOf } from '../../../engine/container/attach.ts';

const DETACHED: unique symbol = Symbol('detached');

export const startCommand: Command = {
  spec: {
    use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
    aliasesText: 'docker container start, docker start',
    short: 'Start one or more stopped containers',
    args: minArgs(1),
    flags: [
      { name: 'attach', shorthand: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
      { name: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint', annotations: { experimental: true, ostype: 'linux' } },
      { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory', annotations: { experimental: true, ostype: 'linux' } },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'interactive', shorthand: 'i', type: 'bool', usage: `Attach container's STDIN` },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    if (opts.attach === true || opts.interactive === true) {
      if (args.length > 1) {
        ctx.stderr.write('you cannot start and attach multiple containers at once\n');
        return 1;
      }
      const c = daemon.container(args[0]!);
      // docker/cli attaches stdin only to a container created with -i
      const detachOut = daemon.containerService.attach(c.id, { stdout: ctx.stdout, stderr: ctx.stderr });
      let input: StdinAttachment | undefined;
      let unraw = () => {};
      try {
        const exited = daemon.containerService.nextExit(c.id);
        if (!c.state.Running) await daemon.containerService.start(c.id);
        const keys = typeof opts['detach-keys'] === 'string' ? opts['detach-keys'] : '';
        if (opts.interactive === true && c.config.OpenStdin === true) input = attachStdin(c, ctx.stdin, { once: true, detachKeys: keys });
        if (input && c.config.Tty) unraw = rawTerminal(ctx, () => stdinOf(c).write('\x03'));
        const detached = input ? input.detached.then((): typeof DETACHED => DETACHED) : new Promise<never>(() => {});
        const status = await untilAborted(ctx, Promise.race([exited, detached]));
        // docker/cli's start returns nil on the escape error: the container runs on
        if (status === DETACHED) return 0;
        if (status !== ABORTED) return status;
        // docker/cli proxies signals only to a container without a TTY
        return await interruptAttached(daemon, c.id, exited, c.config.Tty !== true);
      } finally {
        unraw();
        detachOut();
        input?.stop();
      }
    }
    const failed: string[] = [];
    for (const a of args) {
      try {
        await daemon.containerService.start(a);
        ctx.stdout.write(a + '\n');
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        ctx.stderr.write(`Error response from daemon: ${e.message}\n`);
        failed.push(a);
      }
    }
    if (failed.length > 0) {
      ctx.stderr.write(`Error: failed to start containers: ${failed.join(', ')}\n`);
      return 1;
    }
    return 0;
  },
};
