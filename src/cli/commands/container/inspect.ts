// `docker container inspect`: Display detailed information on one or more containers (docker/cli cli/command/container/inspect.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { inspect } from '../system/inspect-core.ts';

/**
 * GET /containers/{id}/json (with size=1 for --size): the API client trims
 * the name and refuses an empty one itself.
 */
export function inspectContainerRaw(daemon: Daemon, ref: string, size: boolean): Record<string, unknown> {
  const id = ref.trim();
  if (id === '') throw new CliError('invalid container name or ID: value is empty', 1);
  const raw = daemon.inspectContainer(id);
  if (!size) return raw;
  const summary = daemon.listContainers().find((c) => c.id === raw.Id);
  // SizeRw and SizeRootFs follow GraphDriver (ContainerJSONBase's field order)
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    out[k] = v;
    if (k === 'GraphDriver') {
      out.SizeRw = summary?.sizeRw ?? 0;
      out.SizeRootFs = summary?.sizeRootFs ?? 0;
    }
  }
  return out;
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  const size = opts.size === true;
  return inspect(ctx, args, String(opts.format ?? ''), async (ref) => ({
    raw: inspectContainerRaw(daemon, ref, size),
    kind: 'container',
  }));
};

export const containerInspectCommand: Command = {
  spec: {
    use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Display detailed information on one or more containers',
    args: minArgs(1),
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
    ],
  },
  run: run as RunFn,
};
