// `docker build`: Build an image from a Dockerfile (docker/cli cli/command/image/build.go).
import type { Command } from '../../command.ts';
import { validateEnv, validateLabel } from '../opts.ts';
import { exactArgs, notImplemented } from '../../command.ts';

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
      { name: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
      { name: 'rm', type: 'bool', default: true, usage: 'Remove intermediate containers after a successful build' },
      { name: 'security-opt', type: 'stringSlice', usage: 'Security options' },
      { name: 'shm-size', type: 'bytes', usage: 'Size of "/dev/shm"' },
      { name: 'squash', type: 'bool', usage: 'Squash newly built layers into a single new layer', annotations: { experimental: true, version: '1.25' } },
      { name: 'tag', shorthand: 't', type: 'list', usage: 'Name and optionally a tag in the "name:tag" format' },
      { name: 'target', type: 'string', usage: 'Set the target build stage to build.' },
      { name: 'ulimit', type: 'ulimit', usage: 'Ulimit options' },
    ],
  },
  run: notImplemented,
};
