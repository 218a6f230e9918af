// `docker build`: Build an image from a Dockerfile (docker/cli cli/command/image/build.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, buildkitFromEnv, exactArgs } from '../../command.ts';
import { validateEnv, validateLabel } from '../opts.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { BuildError, type BuildRequest } from '../../../engine/build/types.ts';
import { createPrinter } from './build/printer.ts';
import { prepareContext } from './build/context.ts';
import { parseOrFail } from './pull.ts';

/** docker/cli validateTag: the flag refuses a name that is no reference. */
function validateTag(raw: string): string {
  try {
    parseOrFail(raw);
  } catch (e) {
    if (e instanceof CliError) throw new Error(e.message);
    throw e;
  }
  return raw;
}

/** buildx's --progress: auto, plain, tty (rawjson and quiet print as plain here). */
function progressMode(v: string): 'auto' | 'plain' | 'tty' {
  if (v === 'auto' || v === 'tty' || v === 'plain') return v;
  if (v === 'rawjson' || v === 'quiet') return 'plain';
  throw new CliError(`ERROR: invalid progress mode ${v}`, 1);
}

/** `KEY=value` words to a map; a word without `=` is a key with no value (docker/cli ConvertKVStringsToMapWithNil). */
function kvMap(words: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const w of words) {
    const i = w.indexOf('=');
    if (i < 0) out[w] = null;
    else out[w.slice(0, i)] = w.slice(i + 1);
  }
  return out;
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  const daemon = ctx.daemon;
  // the legacy builder: DOCKER_BUILDKIT=0, or a client without buildx (which printed its notice)
  const legacy = !ctx.buildx || buildkitFromEnv(ctx.env) === false;
  // the -t flag's validateTag has refused what is no reference
  const tags = (opts.tag as string[] | undefined) ?? [];
  const quiet = !!opts.quiet;
  const prepared = await prepareContext(ctx, args[0]!, (opts.file as string | undefined) || undefined, {
    builder: legacy ? 'legacy' : 'buildkit',
    quiet,
    now: () => daemon.now(),
    randomId: () => daemon.opts.ids.randomHex(32),
  });
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(kvMap((opts.label as string[] | undefined) ?? []))) labels[k] = v ?? '';
  const req: BuildRequest = {
    builder: legacy ? 'legacy' : 'buildkit',
    context: prepared.tar,
    dockerfile: prepared.dockerfile,
    tags,
    buildArgs: kvMap((opts['build-arg'] as string[] | undefined) ?? []),
    labels,
    ...(opts.target ? { target: String(opts.target) } : {}),
    noCache: !!opts['no-cache'],
    pull: !!opts.pull,
    rm: opts.rm !== false,
    forceRm: !!opts['force-rm'],
    quiet,
    ...(opts.platform ? { platform: String(opts.platform) } : {}),
    cacheFrom: (opts['cache-from'] as string[] | undefined) ?? [],
  };
  const printer = createPrinter({
    builder: req.builder,
    out: ctx.stdout,
    err: ctx.stderr,
    tty: ctx.tty,
    quiet,
    now: () => daemon.now(),
    every: (ms, tick) => {
      let cancel = () => {};
      const again = () => {
        cancel = daemon.clock.setTimer(ms, () => {
          tick();
          again();
        });
      };
      again();
      return () => cancel();
    },
    ...(ctx.columns ? { columns: ctx.columns } : {}),
    progress: progressMode(String(opts.progress ?? 'auto')),
    ...(prepared.dockerfileText !== undefined ? { dockerfileText: prepared.dockerfileText } : {}),
  });
  printer.contextSent(prepared.sentBytes);
  try {
    // buildx names the Dockerfile as the client saw it (`load build definition from Dockerfile.dev`)
    const id = await daemon.build(req, (e) => printer.event(e.type === 'definition' && !legacy ? { ...e, name: prepared.definitionName } : e));
    printer.finish();
    const iid = opts.iidfile as string | undefined;
    if (iid && ctx.host) {
      const path = iid.startsWith('/') ? iid : `${ctx.host.cwd.replace(/\/$/, '')}/${iid}`;
      // with -q the legacy CLI takes the ID from the quiet stream, newline and all
      ctx.host.fs.writeFile(path, new TextEncoder().encode(legacy && quiet ? `${id}\n` : id));
    }
    return 0;
  } catch (e) {
    if (e instanceof BuildError) return printer.fail(e);
    throw e;
  }
};

export const buildCommand: Command = {
  spec: {
    use: 'build [OPTIONS] PATH | URL | -',
    aliasesText: 'docker image build, docker build, docker builder build',
    short: 'Build an image from a Dockerfile',
    args: exactArgs(1),
    categoryTop: 4,
    flags: [
      { name: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping ("host:ip")' },
      { name: 'build-arg', type: 'list', usage: 'Set build-time variables', validate: validateEnv },
      { name: 'cache-from', type: 'stringSlice', usage: 'Images to consider as cache sources' },
      { name: 'cgroup-parent', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build' },
      { name: 'compress', type: 'bool', usage: 'Compress the build context using gzip' },
      { name: 'cpu-period', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' },
      { name: 'cpu-quota', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' },
      { name: 'cpu-shares', shorthand: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
      { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
      { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
      { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image verification' },
      { name: 'file', shorthand: 'f', type: 'string', usage: 'Name of the Dockerfile (Default is "PATH/Dockerfile")' },
      { name: 'force-rm', type: 'bool', usage: 'Always remove intermediate containers' },
      { name: 'iidfile', type: 'string', usage: 'Write the image ID to the file' },
      { name: 'isolation', type: 'string', usage: 'Container isolation technology' },
      { name: 'label', type: 'list', usage: 'Set metadata for an image', validate: validateLabel },
      { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit' },
      { name: 'memory-swap', type: 'bytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap' },
      { name: 'network', type: 'string', default: 'default', usage: 'Set the networking mode for the RUN instructions during build', annotations: { version: '1.25' } },
      { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable', annotations: { version: '1.38' } },
      // buildx's: the page's client has buildx; hidden so the bare client's help stays as recorded
      { name: 'progress', type: 'string', default: 'auto', hidden: true, usage: 'Set type of progress output ("auto", "plain", "tty", "rawjson"). Use plain to show container output' },
      { name: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
      { name: 'rm', type: 'bool', default: true, usage: 'Remove intermediate containers after a successful build' },
      { name: 'security-opt', type: 'stringSlice', usage: 'Security options' },
      { name: 'shm-size', type: 'bytes', usage: 'Size of "/dev/shm"' },
      { name: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer', annotations: { experimental: true, version: '1.25' } },
      { name: 'tag', shorthand: 't', type: 'list', usage: 'Name and optionally a tag in the "name:tag" format', validate: validateTag },
      { name: 'target', type: 'string', usage: 'Set the target build stage to build.' },
      { name: 'ulimit', type: 'ulimit', usage: 'Ulimit options' },
    ],
  },
  run: run as RunFn,
};
