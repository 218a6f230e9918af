// `docker update`: Update configuration of one or more containers (docker/cli cli/command/container/update.go).
import type { Command } from '../../command.ts';
import { minArgs, notImplemented } from '../../command.ts';

export const updateCommand: Command = {
  spec: {
    use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
    aliasesText: 'docker container update, docker update',
    short: 'Update configuration of one or more containers',
    args: minArgs(1),
    flags: [
      { name: 'blkio-weight', type: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' },
      { name: 'cpu-period', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
      { name: 'cpu-quota', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
      { name: 'cpu-rt-period', type: 'int', usage: 'Limit the CPU real-time period in microseconds', annotations: { version: '1.25' } },
      { name: 'cpu-rt-runtime', type: 'int', usage: 'Limit the CPU real-time runtime in microseconds', annotations: { version: '1.25' } },
      { name: 'cpu-shares', shorthand: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
      { name: 'cpus', type: 'decimal', usage: 'Number of CPUs', annotations: { version: '1.29' } },
      { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
      { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
      { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit' },
      { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
      { name: 'memory-swap', type: 'swapBytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap' },
      { name: 'pids-limit', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)', annotations: { version: '1.40' } },
      { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
      { name: 'kernel-memory', type: 'bytes', usage: 'Kernel memory limit (deprecated)', hidden: true },
    ],
  },
  run: notImplemented,
};
