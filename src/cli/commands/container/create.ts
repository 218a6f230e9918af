// `docker create`: Create a new container (docker/cli cli/command/container/create.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import { containerFlags } from './opts.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { createOptions, createWithPull, runFailure } from './runner.ts';

export const createCommand: Command = {
  spec: {
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    aliasesText: 'docker container create, docker create',
    short: 'Create a new container',
    args: minArgs(1),
    interspersed: false,
    flags: [
      { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image verification' },
      { name: 'help', type: 'bool', usage: 'Print usage' },
      { name: 'name', type: 'string', usage: 'Assign a name to the container' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.32' } },
      { name: 'pull', type: 'string', default: 'missing', usage: 'Pull image before creating ("always", "|missing", "never")' },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the pull output' },
      { name: 'use-api-socket', type: 'bool', usage: 'Bind mount Docker API socket and required auth' },
      ...containerFlags,
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    try {
      const c = await createWithPull(ctx, daemon, createOptions(ctx, opts, args), String(opts.pull ?? 'missing'), opts.quiet === true);
      ctx.stdout.write(c.id + '\n');
      return 0;
    } catch (e) {
      // `docker create` reports the daemon's refusals plainly (status 1), unlike run
      if (e instanceof DaemonError) throw e;
      return runFailure(ctx, e);
    }
  },
};
