// `docker rm`: Remove one or more containers (docker/cli cli/command/container/rm.go).
import type { Command } from '../../command.ts';
import { minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { daemonMessage } from '../../render.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';

export const rmCommand: Command = {
  spec: {
    use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
    aliases: ['remove'],
    aliasesText: 'docker container rm, docker container remove, docker rm',
    short: 'Remove one or more containers',
    args: minArgs(1),
    flags: [
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
      { name: 'link', shorthand: 'l', type: 'bool', usage: 'Remove the specified link' },
      { name: 'volumes', shorthand: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
    ],
  },
  run: async (ctx, opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const force = opts.force === true;
    const errors: string[] = [];
    for (const a of args) {
      // docker/cli: strings.Trim(name, "/"), and an empty name never reaches the daemon
      const name = a.replace(/^\/+|\/+$/g, '');
      if (name === '') {
        errors.push('container name cannot be empty');
        continue;
      }
      try {
        await daemon.containerService.remove(name, force);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        // with --force, a container that is not there is reported and not an error
        if (force && e.kind === 'not-found') ctx.stderr.write(daemonMessage(e) + '\n');
        else errors.push(daemonMessage(e));
        continue;
      }
      ctx.stdout.write(a + '\n');
    }
    // errors.Join: every other error, one per line, after the names
    if (errors.length > 0) {
      ctx.stderr.write(errors.join('\n') + '\n');
      return 1;
    }
    return 0;
  },
};
