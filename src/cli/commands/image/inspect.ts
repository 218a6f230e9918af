// `docker image inspect`: Display detailed information on one or more images (docker/cli cli/command/image/inspect.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { inspect } from '../system/inspect-core.ts';

/** GET /images/{name}/json; the API client refuses an empty name itself. */
export function inspectImageRaw(daemon: Daemon, ref: string): Record<string, unknown> {
  if (ref === '') throw new CliError('Error: No such image: ', 1);
  return daemon.inspectImage(ref);
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  return inspect(ctx, args, String(opts.format ?? ''), async (ref) => ({ raw: inspectImageRaw(daemon, ref), kind: 'image' }));
};

export const imageInspectCommand: Command = {
  spec: {
    use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
    short: 'Display detailed information on one or more images',
    args: minArgs(1),
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'platform', type: 'string', usage: `Inspect a specific platform of the multi-platform image.
If the image or the server is not multi-platform capable, the command will error out if the platform does not match.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`, annotations: { version: '1.49' } },
    ],
  },
  run: run as RunFn,
};
