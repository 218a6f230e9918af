// docker stats in the engine: one reading of a container's cgroup, as
// moby's stats collector takes it. Berth has no CPU accounting of its own,
// so CPU time is estimated from what a container visibly does: every
// process it starts (fork and exec, about 1.5 ms each), every byte it
// writes to its log, and a trickle for each live process. Memory is what
// its processes hold on their own plus the files written to its read-write
// layer (page cache, charged to the cgroup). PIDs is the namespace's size.
import type { DaemonCore } from '../daemon.ts';
import type { ContainerRecord } from './container.ts';
import { footprint, HOST_CPUS, HOST_MEMORY_BYTES } from './usage.ts';

export interface StatsReading {
  /** Virtual time of the reading, ms. */
  read: number;
  running: boolean;
  /** Cumulative CPU time, ns. */
  cpuNs: number;
  memBytes: number;
  memLimit: number;
  pids: number;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
}

const FORK_EXEC_NS = 1_500_000;
const LOG_BYTE_NS = 2_000;
/** A sleeping process still costs a little: timers, the scheduler (ns per ms alive). */
const IDLE_NS_PER_MS = 20;

interface Tally {
  /** The task the tally counts (a restart starts a new one). */
  task: unknown;
  highestPid: number;
  logIndex: number;
  logBytes: number;
  idleNs: number;
  lastRead: number;
}

export class StatsCollector {
  private tallies = new Map<string, Tally>();

  constructor(private readonly core: DaemonCore) {}

  /** One reading; a stopped container reads all zeros, as moby's does. */
  read(c: ContainerRecord): StatsReading {
    const now = this.core.now();
    const task = this.core.tasks.get(c.id);
    const zero: StatsReading = { read: now, running: false, cpuNs: 0, memBytes: 0, memLimit: 0, pids: 0, netRx: 0, netTx: 0, blkRead: 0, blkWrite: 0 };
    if (!task || !c.state.Running) {
      this.tallies.delete(c.id);
      return zero;
    }
    let t = this.tallies.get(c.id);
    if (!t || t.task !== task) {
      t = { task, highestPid: 0, logIndex: c.logs.length, logBytes: 0, idleNs: 0, lastRead: c.state.StartedAt };
      this.tallies.set(c.id, t);
    }
    const procs = task.ns.processes();
    for (const p of procs) t.highestPid = Math.max(t.highestPid, p.pid);
    for (; t.logIndex < c.logs.length; t.logIndex++) t.logBytes += c.logs[t.logIndex]!.text.length;
    t.idleNs += Math.max(0, now - t.lastRead) * IDLE_NS_PER_MS * procs.length;
    t.lastRead = now;
    const rw = this.core.layers.rwSize(c.rwLayer);
    const own = procs.reduce((n, p) => n + footprint(p).own * 1024, 0);
    return {
      read: now,
      running: true,
      cpuNs: t.highestPid * FORK_EXEC_NS + t.logBytes * LOG_BYTE_NS + t.idleNs,
      memBytes: own + rw,
      memLimit: HOST_MEMORY_BYTES,
      pids: procs.length,
      // the containers have no traffic of their own; writes reach the disk a page at a time
      netRx: 0,
      netTx: 0,
      blkRead: 0,
      blkWrite: Math.ceil(rw / 4096) * 4096,
    };
  }
}

/** docker/cli's calculateCPUPercentUnix: the CPU time used over the wall time, per CPU, times the CPUs. */
export function cpuPercent(prev: StatsReading | undefined, cur: StatsReading): number {
  if (!prev || !prev.running || !cur.running) return 0;
  const wallNs = (cur.read - prev.read) * 1e6 * HOST_CPUS;
  const cpu = cur.cpuNs - prev.cpuNs;
  if (wallNs <= 0 || cpu <= 0) return 0;
  return Math.min((cpu / wallNs) * HOST_CPUS * 100, HOST_CPUS * 100);
}
