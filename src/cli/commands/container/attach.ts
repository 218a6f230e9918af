// `docker attach`: Attach local standard input, output, and error streams to a running container (docker/cli cli/command/container/attach.go).
import type { Command } from '../../command.ts';
import { ABORTED, CliError, exactArgs, untilAborted, rawTerminal } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { attachStdin, parseDetachKeys, stdinOf } from '../../../engine/container/attach.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { interruptAttached } from './runner.ts';

export const attachCommand: Command = {
  spec: {
    use: 'attach [OPTIONS] CONTAINER',
    aliasesText: 'docker container attach, docker attach',
    short: 'Attach local standard input, output, and error streams to a running container',
    args: exactArgs(1),
    flags: [
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
      { name: 'sig-proxy', type: 'bool', default: true, usage: 'Proxy all received signals to the process' },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const c = daemon.container(args[0]!);
    // docker/cli inspectContainerAndCheckState
    if (!c.state.Running) throw new CliError('You cannot attach to a stopped container, start it first', 1);
    if (c.state.Paused) throw new CliError('You cannot attach to a paused container, unpause it first', 1);
    if (c.state.Restarting) throw new CliError('You cannot attach to a restarting container, wait until it is running', 1);
    const withStdin = opts['no-stdin'] !== true;
    // CheckTty: a terminal container wants a terminal on the client's stdin
    if (withStdin && c.config.Tty && !ctx.tty) throw new CliError('the input device is not a TTY', 1);
    const keys = typeof opts['detach-keys'] === 'string' ? opts['detach-keys'] : '';
    try {
      if (keys !== '') parseDetachKeys(keys);
    } catch (e) {
      // the daemon refuses the attach request before upgrading the connection
      if (e instanceof DaemonError) throw new CliError('unable to upgrade to tcp, received 400', 1);
      throw e;
    }
    const exited = daemon.containerService.nextExit(c.id);
    const detachOut = daemon.containerService.attach(c.id, { stdout: ctx.stdout, stderr: ctx.stderr });
    const input = withStdin && c.config.OpenStdin ? attachStdin(c, ctx.stdin, { once: false, detachKeys: keys }) : undefined;
    const unraw = input && c.config.Tty ? rawTerminal(ctx, () => stdinOf(c).write('\x03')) : () => {};
    try {
      const detached = input ? input.detached.then(() => 'detached' as const) : new Promise<never>(() => {});
      const outcome = await untilAborted(ctx, Promise.race([exited, detached]));
      if (outcome === 'detached') {
        // the escape error comes back from the stream and is printed as the command's error
        ctx.stderr.write('read escape sequence\n');
        return 1;
      }
      if (outcome !== ABORTED) return outcome;
      // sig-proxy: Ctrl-C goes to a container without a terminal as SIGINT
      return await interruptAttached(daemon, c.id, exited, opts['sig-proxy'] !== false && c.config.Tty !== true);
    } finally {
      detachOut();
      input?.stop();
      unraw();
    }
  },
};
