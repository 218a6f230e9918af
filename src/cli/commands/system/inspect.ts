// `docker inspect`: Return low-level information on Docker objects (docker/cli cli/command/system/inspect.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, flagChanged, minArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { quote } from '../../format/index.ts';
import { inspect, type ObjectKind } from './inspect-core.ts';
import { inspectContainerRaw } from '../container/inspect.ts';
import { inspectImageRaw } from '../image/inspect.ts';

const allTypes = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
const typeList = `"${allTypes.join('", "')}"`;

const notFound = (m: string) => new DaemonError('not-found', m);
const notSwarmManager = (): never => {
  throw new DaemonError(
    'unavailable',
    'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
  );
};

interface Inspector {
  type: ObjectKind | 'network' | 'volume' | 'service' | 'task' | 'node' | 'plugin' | 'secret' | 'config';
  sizeSupported?: boolean;
  swarm?: boolean;
  get(ref: string): Record<string, unknown>;
}

/** The kinds of object docker tries in turn; Berth has no networks, volumes, plugins or swarm. */
function inspectors(daemon: Daemon, size: boolean): Inspector[] {
  return [
    { type: 'container', sizeSupported: true, get: (ref) => inspectContainerRaw(daemon, ref, size) },
    { type: 'image', get: (ref) => inspectImageRaw(daemon, ref) },
    {
      type: 'network',
      get: (ref) => {
        throw notFound(`network ${ref} not found`);
      },
    },
    {
      type: 'volume',
      get: (ref) => {
        throw notFound(`get ${ref}: no such volume`);
      },
    },
    { type: 'service', swarm: true, get: notSwarmManager },
    { type: 'task', swarm: true, get: notSwarmManager },
    { type: 'node', swarm: true, get: notSwarmManager },
    {
      type: 'plugin',
      get: (ref) => {
        throw notFound(`plugin ${quote(ref)} not found`);
      },
    },
    { type: 'secret', swarm: true, get: notSwarmManager },
    { type: 'config', swarm: true, get: notSwarmManager },
  ];
}

/** isErrSkippable: what lets the search go on to the next kind of object. */
function skippable(e: unknown): boolean {
  if (e instanceof DaemonError) {
    return e.kind === 'not-found' || e.message.includes('not supported') || e.message.includes('invalid reference format');
  }
  // the API client's own "Error: No such image: " for an empty reference
  return e instanceof CliError && e.message.startsWith('Error: No such ');
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  const type = String(opts.type ?? '');
  if (flagChanged(opts, 'type') && type === '') throw new CliError(`type is empty: must be one of ${typeList}`, 1);
  if (type !== '' && !allTypes.includes(type)) throw new CliError(`unknown type: ${quote(type)}: must be one of ${typeList}`, 1);
  const size = opts.size === true;
  const list = inspectors(daemon, size);
  return inspect(ctx, args, String(opts.format ?? ''), async (ref) => {
    for (const i of list) {
      if (type !== '' && i.type !== type) continue;
      // Berth's daemon is no swarm manager: a search of all kinds skips the swarm ones
      if (type === '' && i.swarm) continue;
      let raw: Record<string, unknown>;
      try {
        raw = i.get(ref);
      } catch (e) {
        if (type === '' && skippable(e)) continue;
        throw e;
      }
      if (size && !i.sizeSupported) ctx.stderr.write(`WARNING: --size ignored for ${i.type}\n`);
      return { raw, kind: i.type as ObjectKind };
    }
    throw new CliError(`Error: No such object: ${ref}`, 1);
  });
};

export const inspectCommand: Command = {
  spec: {
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: minArgs(1),
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
      { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
    ],
  },
  run: run as RunFn,
};
